/** Above this many cells of the longest-common-subsequence table, the middle is reported as replaced. */
const MAX_LCS_CELLS = 4_000_000;

export interface LineDiff {
  added: number;
  removed: number;
  /** '- ' removed and '+ ' added lines in document order (no context lines). */
  lines: string[];
}

/**
 * A line diff of two texts: the common head and tail are trimmed, then the rest is aligned by the
 * longest common subsequence (ties broken the same way every time, so the diff is deterministic).
 */
export function lineDiff(from: string, to: string): LineDiff {
  const a = from.split('\n');
  const b = to.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lines: string[] = [];
  if (x.length * y.length > MAX_LCS_CELLS) {
    for (const line of x) lines.push(`- ${line}`);
    for (const line of y) lines.push(`+ ${line}`);
    return { added: y.length, removed: x.length, lines };
  }
  // lengths[i][j]: the LCS length of x[i..] and y[j..], in one flat array.
  const width = y.length + 1;
  const lengths = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lengths[i * width + j] =
        x[i] === y[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (
      j >= y.length ||
      (i < x.length && (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))
    ) {
      lines.push(`- ${x[i]}`);
      removed++;
      i++;
    } else {
      lines.push(`+ ${y[j]}`);
      added++;
      j++;
    }
  }
  return { added, removed, lines };
}
