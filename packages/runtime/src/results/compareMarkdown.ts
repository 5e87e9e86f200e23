import type { MarkdownBlock, MarkdownChange } from '@plexus/spec';
import { lineDiff } from './lineDiff.ts';
import { textChangeIfDifferent } from './textChange.ts';

/** Lines of a markdown diff listed; the count says how many there are in all. */
export const MAX_DIFF_LINES = 40;

/** How the text of two markdown blocks with one id differs: line counts and a short line diff. */
export function compareMarkdown(a: MarkdownBlock, b: MarkdownBlock): MarkdownChange {
  const diff = lineDiff(a.text, b.text);
  const title = textChangeIfDifferent(a.title, b.title);
  return {
    id: a.id,
    type: 'markdown',
    ...(title ? { title } : {}),
    lineCount: { from: a.text.split('\n').length, to: b.text.split('\n').length },
    linesAdded: diff.added,
    linesRemoved: diff.removed,
    diff: { count: diff.lines.length, lines: diff.lines.slice(0, MAX_DIFF_LINES) },
  };
}
