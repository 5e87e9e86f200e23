import { useMemo } from 'react';
import { renderMarkdown } from './renderMarkdown.ts';

/** Markdown written by product owners: rendered, then sanitized, since it comes from outside the client. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown sanitizes what it returns
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
