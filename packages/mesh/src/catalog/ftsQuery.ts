/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every term becomes a quoted
 * string (embedded quotes doubled), so `"`, `*`, `-`, `(`, `NEAR`, `AND`, `:` are text, never operators;
 * the terms are ANDed; the last one is a prefix search (`"onco"*`) for search-as-you-type. Terms with no
 * letter or digit are dropped (the tokenizer would index nothing for them). Null when nothing is left:
 * the caller then searches without text.
 */
export function ftsQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, 32);
  if (terms.length === 0) return null;
  return terms
    .map((term, index) => {
      const quoted = `"${term.replace(/"/g, '""')}"`;
      return index === terms.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}
