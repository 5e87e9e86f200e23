/**
 * A string parameter's JSON Schema `pattern`, for the form. JSON Schema patterns match anywhere in the
 * value unless anchored, while an <input pattern> must match the whole value: the two differ.
 */

/** The `pattern` attribute that accepts what the schema's pattern accepts (a value that contains a match). */
export function htmlPattern(pattern: string): string {
  return `[\\s\\S]*(?:${pattern})[\\s\\S]*`;
}

/**
 * Whether the value matches, as the node's validator will check it. A pattern this browser cannot
 * compile is not checked here: the node still checks it and answers why.
 */
export function matchesPattern(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
