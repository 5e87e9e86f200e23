import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** Markdown rendered with marked and sanitized with DOMPurify. */
export function MarkdownBlock(props: { text: string; title?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(props.text, { async: false })), [props.text]);
  return (
    <section className="result-block result-markdown">
      {props.title ? <h3>{props.title}</h3> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify above */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
