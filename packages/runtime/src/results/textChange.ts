import type { TextChange } from '@plexus/spec';

/** from → to of a text, or undefined when both are the same (absent counts as null). */
export function textChangeIfDifferent(
  from: string | null | undefined,
  to: string | null | undefined,
): TextChange | undefined {
  const a = from ?? null;
  const b = to ?? null;
  return a === b ? undefined : { from: a, to: b };
}
