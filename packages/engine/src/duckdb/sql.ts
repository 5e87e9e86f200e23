/**
 * Quoting for the few places where names and paths must appear in SQL text. Names always come from
 * the validated model (identifier pattern), never from request text; values are bound parameters.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function sqlList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
