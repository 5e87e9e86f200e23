import DOMPurify, { type Config } from 'dompurify';
import { marked } from 'marked';

/**
 * What markdown from outside the client (product descriptions, plugins' result blocks) may become: text
 * markup only. The page's CSP allows inline styles, so `<style>` and `style=` could restyle or overlay the
 * page, and forms could pose as the client's own; all of them go.
 */
export const MARKDOWN_SANITIZE: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
  FORBID_ATTR: ['style'],
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** http(s), mailto, or relative (no scheme: a path, a query, or a fragment such as a route of the client). */
export function isSafeHref(value: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so does this.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
  const scheme = SCHEME.exec(value.replace(/[\u0000-\u0020\u007f]/g, ''));
  return scheme === null || SAFE_SCHEMES.has((scheme[1] ?? '').toLowerCase());
}

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

/**
 * A purifier of its own, so that its link rule does not leak into other uses of DOMPurify. Made on first
 * use: it needs the window, which a module may be imported without.
 */
function markdownPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Links open nothing but the schemes above and give the linked page no handle on this one.
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const target = node.getAttribute('href');
    if (target !== null && !isSafeHref(target)) node.removeAttribute('href');
    if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

/** Markdown (GitHub flavoured) as sanitized HTML, ready for dangerouslySetInnerHTML. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true });
  return markdownPurifier().sanitize(html, MARKDOWN_SANITIZE);
}
