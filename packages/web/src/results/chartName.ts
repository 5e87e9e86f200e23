/**
 * The accessible name of a chart: the block's title, else the Vega-Lite spec's own title (a string,
 * lines, or `{ text }`) or description. The block id is never used: it names nothing for a reader.
 */
export function chartName(title: string | undefined, spec: Record<string, unknown>): string {
  return (
    title || specTitle(spec.title) || (typeof spec.description === 'string' && spec.description) || 'Chart'
  );
}

function specTitle(title: unknown): string | undefined {
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.filter((line) => typeof line === 'string').join(' ');
  if (typeof title === 'object' && title !== null && 'text' in title) return specTitle(title.text);
  return undefined;
}
