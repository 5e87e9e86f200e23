import type { PluginOutput } from '@plexus/spec';
import { checkDocument, PluginOutputSchema } from '@plexus/spec';
import { PluginRunError } from '../plugins/PluginRunError.ts';

/** JSON has no NaN or Infinity: a statistic that is undefined is reported as null, the way R prints NA. */
function finiteOrNull(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(finiteOrNull);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, finiteOrNull(inner)]),
    );
  }
  return value;
}

/** Checks what a plugin returned against the result schema; a malformed result fails the run, named precisely. */
export function normalizeOutput(output: unknown): PluginOutput {
  const cleaned = finiteOrNull(output);
  const issues = checkDocument(PluginOutputSchema, cleaned);
  if (issues.length > 0) {
    const listed = issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'result'}: ${issue.message}`)
      .join('; ');
    throw new PluginRunError('INVALID_RESULT', `the plugin returned an invalid result document: ${listed}`);
  }
  const result = cleaned as PluginOutput;
  const ids = new Set<string>();
  for (const block of result.blocks) {
    if (ids.has(block.id))
      throw new PluginRunError(
        'INVALID_RESULT',
        `the plugin returned two blocks with id '${block.id}'; block ids must be unique`,
      );
    ids.add(block.id);
  }
  return result;
}
