import type { FacetCount } from '../api/types.ts';
import type { Facets, Filters } from './catalogItem.ts';

const GROUPS: Array<{ facet: keyof Filters; legend: string }> = [
  { facet: 'domain', legend: 'Domain' },
  { facet: 'modality', legend: 'Modality' },
  { facet: 'tag', legend: 'Tag' },
];

/** Checked values stay listed even when they count 0 now, so they can always be unchecked. */
function withChosen(counts: FacetCount[], chosen: string[]): FacetCount[] {
  const missing = chosen.filter((value) => !counts.some((count) => count.value === value));
  return [...counts, ...missing.map((value) => ({ value, count: 0 }))];
}

export function FacetFilters({
  facets,
  filters,
  onChange,
}: {
  facets: Facets;
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const toggle = (facet: keyof Filters, value: string, on: boolean) => {
    const chosen = filters[facet].filter((v) => v !== value);
    onChange({ ...filters, [facet]: on ? [...chosen, value] : chosen });
  };
  return (
    <aside className="facets" aria-label="Filters">
      {GROUPS.map(({ facet, legend }) => {
        const counts = withChosen(facets[facet], filters[facet]);
        return (
          <fieldset key={facet}>
            <legend>{legend}</legend>
            {counts.length === 0 && <p className="muted">none</p>}
            {counts.map(({ value, count }) => (
              <label key={value} className="check">
                <input
                  type="checkbox"
                  checked={filters[facet].includes(value)}
                  onChange={(event) => toggle(facet, value, event.target.checked)}
                />
                {value} <span className="muted">({count})</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </aside>
  );
}
