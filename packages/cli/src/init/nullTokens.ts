/** Tokens that stand for a missing value in exported tables (R, SAS, SQL dumps, spreadsheets). */
export const NULL_TOKENS = ['', 'NA', '.', 'NULL'] as const;

/** The mapping reads '' and NA as missing by default; other tokens must be listed in the source's nullValues. */
export const DEFAULT_NULLS = ['', 'NA'];

export function isNullToken(value: string): boolean {
  return (NULL_TOKENS as readonly string[]).includes(value.trim());
}
