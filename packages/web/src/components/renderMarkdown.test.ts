import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../../../test/web/browser.ts';
import { isSafeHref } from './renderMarkdown.ts';

describe('isSafeHref', () => {
  it('takes http(s), mailto and relative links', () => {
    for (const href of [
      'https://example.org/a',
      'HTTP://x',
      'mailto:a@b.org',
      '#/products/x',
      '/a:b',
      'a/b?c',
    ])
      expect(isSafeHref(href), href).toBe(true);
  });

  it('refuses other schemes, also when disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(isSafeHref(href), href).toBe(false);
  });
});

// DOMPurify needs a DOM, which the test environment (node) has not: the renderer runs in Chromium instead,
// bundled as the web client would be.
const available = chromiumAvailable();

describe.skipIf(!available)('renderMarkdown in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bundle = await build({
      stdin: {
        contents:
          "import { renderMarkdown } from './renderMarkdown.ts'; window.renderMarkdown = renderMarkdown;",
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const render = (markdown: string): Promise<string> =>
    page.evaluate(`window.renderMarkdown(${JSON.stringify(markdown)})`) as Promise<string>;

  it('keeps text markup', async () => {
    const html = await render('# Title\n\nSome **bold** text and a [link](https://example.org).');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">link</a>');
  });

  it('removes <style>, forms and their controls, and style attributes', async () => {
    const html = await render(
      [
        '<style>body { display: none }</style>',
        '<form action="https://evil.example"><input name="password"><button>Sign in</button></form>',
        '<div style="position: fixed; inset: 0">overlay</div>',
        '<textarea>t</textarea><select><option>o</option></select>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<style|<form|<input|<button|<textarea|<select|style=/i);
    expect(html).not.toContain('display: none');
    expect(html).toContain('overlay');
  });

  it('drops javascript: links, keeping their text', async () => {
    const html = await render('[click](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
    expect(html).toContain('this');
  });
});
