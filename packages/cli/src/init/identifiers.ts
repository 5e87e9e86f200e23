/** Names of columns, sources and products as the mapping schema allows them: lower_snake_case ids, kebab-case slugs. */

const MAX_IDENTIFIER = 63;

/** "ph.ecog" → "ph_ecog", "USUBJID" → "usubjid", "2nd dose" → "c_2nd_dose". */
export function toIdentifier(name: string, fallback = 'column'): string {
  let id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') id = fallback;
  if (!/^[a-z]/.test(id)) id = `c_${id}`;
  return id.slice(0, MAX_IDENTIFIER);
}

/** An identifier not yet in `taken` (adds _2, _3, … on collisions) and records it. */
export function uniqueIdentifier(name: string, taken: Set<string>, fallback?: string): string {
  const base = toIdentifier(name, fallback);
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base.slice(0, MAX_IDENTIFIER - 4)}_${suffix}`;
  taken.add(id);
  return id;
}

/** "my_product", "My Product" → "my-product": product ids are URL segments. */
export function toSlug(name: string): string {
  const slug = toIdentifier(name, 'product').replace(/_/g, '-').replace(/^c-/, 'p-');
  return slug.replace(/-+/g, '-').replace(/-$/, '');
}

/**
 * A label from a column name, kept simple on purpose: separators become spaces and the first letter
 * is capitalised ("karno" → "Karno", "ph.ecog" → "Ph ecog", "wt_loss" → "Wt loss"). Users rename.
 */
export function labelFromName(name: string): string {
  const words = name
    .replace(/[._\s-]+/g, ' ')
    .trim()
    .toLowerCase();
  if (words === '') return name;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "omop-synthea" → "Omop synthea". */
export function titleFromSlug(slug: string): string {
  return labelFromName(slug);
}
