import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { linkNodeModules, writeSiteProduct } from '../federation/siteProducts.ts';
import type { NodeProcess } from '../reproducibility/nodeProcess.ts';

const REPO = resolve(import.meta.dirname, '../..');

/** Where tests save screenshots; PLEXUS_SCREENSHOTS=docs/screenshots refreshes the README's. */
export const SCREENSHOTS = resolve(REPO, process.env.PLEXUS_SCREENSHOTS ?? 'test-results/screenshots');

export interface WatchedPage {
  page: Page;
  /** Script errors of the page since the last call: a test fails on any (checked after each test). */
  takeErrors: () => string[];
  /** Saves what the page shows as `<name>.png` in SCREENSHOTS. */
  shot: (name: string) => Promise<void>;
}

/** A laptop-sized page whose script errors are collected, so that none passes unnoticed. */
export async function openWatchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The browser reports every HTTP error answer as a console error; those the page handles (a node
  // without a catalog answers 404, grants are the owners' 403) are not script errors.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return {
    page,
    takeErrors: () => errors.splice(0),
    shot: async (name) => {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
  };
}

/**
 * The VA lung trial split into two sites of one node, `va-site-a` (even rows) and `va-site-b` (odd rows),
 * titled so that people (and tests) find them by name.
 */
export async function writeTwoSites(
  root: string,
  options: { minCellCount?: number } = {},
): Promise<string[]> {
  const sites = [];
  for (const [id, title, keep] of [
    ['va-site-a', 'VA lung trial, site A', (index: number) => index % 2 === 0],
    ['va-site-b', 'VA lung trial, site B', (index: number) => index % 2 === 1],
  ] as const) {
    const dir = await writeSiteProduct(root, id, { keep, ...options });
    const file = join(dir, 'product.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
    sites.push(dir);
  }
  return sites;
}

/** A scratch folder for a test's products and node data, resolving Plexus's packages like a checkout. */
export async function makeWorkspace(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `plexus-${name}-`));
  await linkNodeModules(root);
  return root;
}

/** Ends what a browser test started, whichever parts of it got started. */
export async function tearDown(parts: {
  browser?: Browser;
  node?: NodeProcess;
  root?: string;
}): Promise<void> {
  await parts.browser?.close();
  await parts.node?.stop();
  if (parts.root) await rm(parts.root, { recursive: true, force: true });
}
