import { useMemo } from 'react';
import { renderMarkdown } from '../components/renderMarkdown.ts';

/** A markdown block of a result: a plugin wrote it, so it is sanitized like any markdown from outside. */
export function MarkdownBlock(props: { text: string; title?: string }) {
  const html = useMemo(() => renderMarkdown(props.text), [props.text]);
  return (
    <section className="result-block result-markdown">
      {props.title ? <h3>{props.title}</h3> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown sanitizes what it returns */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
