import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';
import { makeWorkspace, openWatchedPage, tearDown, type WatchedPage, writeTwoSites } from './pageHarness.ts';
import { webClientBuilt } from './webClientBuilt.ts';

/**
 * The web client end to end, in Debian's Chromium against a node started here: sign in with an API
 * token, find va-lung-trial in the catalog, build a cohort (Karnofsky ≥ 60) in the generated form, run
 * Kaplan–Meier by arm, read the chart and the log-rank p, find the run in the history, re-run it and get
 * the same numbers; a federated count across two sites. Screenshots of the main pages go to
 * test-results/screenshots (PLEXUS_SCREENSHOTS=docs/screenshots refreshes the README's).
 */
const REPO = resolve(import.meta.dirname, '../..');
const TOKEN = `tok_webclienttests.${'w'.repeat(40)}`;
const available = chromiumAvailable() && webClientBuilt();

/** A protocol that takes its time and says how far it is: for the progress bar and Cancel. */
async function addSlowProtocol(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'protocols', 'slow-count.yaml'),
    'apiVersion: plexus.dev/v1\nkind: Protocol\nid: slow-count\nversion: 1.0.0\ntitle: A slow count\ndescription: Counts the patients, one step a second, reporting its progress.\ncategory: testing\nparameters: {}\nplugin: { module: plugins/slow.ts, export: slowCount }\nlimits: { timeoutSeconds: 120 }\n',
  );
  await writeFile(
    join(dir, 'plugins', 'slow.ts'),
    `export async function slowCount(context) {
  for (let step = 0; step < 60; step++) {
    context.progress(step / 60, \`step \${step + 1} of 60\`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { title: 'Counted', blocks: [{ id: 'n', type: 'statistic', name: 'patients', value: context.model.entityCount }] };
}
`,
  );
}

let root: string;
let node: NodeProcess;
let browser: Browser;
let page: Page;
let watched: WatchedPage;
const shot = (name: string) => watched.shot(name);

/** The text of the statistic card named `name` (a region labelled by the statistic's title). */
async function statisticText(name: RegExp, timeout = 30_000): Promise<string> {
  const card = page.getByRole('region', { name }).first();
  await card.waitFor({ timeout });
  return card.innerText();
}

describe.skipIf(!available)('the web client', () => {
  beforeAll(async () => {
    root = await makeWorkspace('web-e2e');
    const sites = await writeTwoSites(root);
    await addSlowProtocol(sites[0] as string);
    node = await startNode(
      join(REPO, 'products/va-lung-trial'),
      join(root, 'data'),
      { PLEXUS_ADMIN_TOKEN: TOKEN },
      // all-leukemia: a matrix modality, for the feature picker.
      [...sites, join(REPO, 'products/all-leukemia')],
    );
    browser = await launchChromium();
    watched = await openWatchedPage(browser);
    page = watched.page;
  }, 240_000);

  afterEach(() => {
    expect(watched?.takeErrors() ?? [], 'errors in the page').toEqual([]);
  });

  afterAll(() => tearDown({ browser, node, root }));

  it('signs in with an API token and shows who is signed in', async () => {
    await page.goto(node.base);
    await shot('catalog-signed-out');
    await page
      .getByRole('link', { name: /sign in/i })
      .first()
      .click();
    await page.getByLabel('API token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBeGreaterThan(0);
  }, 60_000);

  it('finds va-lung-trial in the catalog and opens it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByLabel('Search products').fill('lung');
    const card = page.getByRole('link', { name: /Veterans' Administration lung cancer trial/i }).first();
    await card.waitFor();
    await shot('catalog');
    await card.click();
    await page.getByRole('link', { name: 'Kaplan–Meier survival by group' }).waitFor();
    await shot('product');
  }, 60_000);

  it('builds a cohort with a live count, runs Kaplan–Meier by arm and shows the chart and the log-rank p', async () => {
    await page.getByRole('link', { name: 'Kaplan–Meier survival by group' }).click();
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByLabel('Attribute').selectOption({ label: 'Karnofsky score' });
    await page.getByLabel('Operator').selectOption('gte');
    await page.getByLabel('Value', { exact: true }).fill('60');
    // R: nrow(subset(veteran, karno >= 60)) is 85.
    await expect
      .poll(() => page.getByRole('status', { name: 'Cohort size' }).innerText(), { timeout: 15_000 })
      .toContain('85');
    await shot('form-cohort-builder');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const chart = page.getByRole('img', { name: /survival/i }).first();
    await chart.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await shot('failed-run');
      const text = await page.locator('main').innerText();
      throw new Error(
        `${String(error)}\n${text.slice(text.indexOf('Result'), text.indexOf('Result') + 1500)}`,
      );
    });
    await expect.poll(() => chart.locator('svg, canvas').count()).toBeGreaterThan(0);
    const logRank = await statisticText(/log-rank/i);
    expect(logRank).toMatch(/p/i);
    await page
      .getByRole('heading', { name: 'Result', exact: true })
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shot('result-kaplan-meier');
  }, 120_000);

  it('finds the run in the history, re-runs it and gets the same numbers', async () => {
    const before = await statisticText(/log-rank/i);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await page.getByRole('link', { name: 'Open' }).first().click();
    expect(await statisticText(/log-rank/i)).toBe(before);
    await shot('history-run');
    await page.getByRole('button', { name: 'Re-run with original versions' }).click();
    const changes = page.getByRole('region', { name: 'What changed' });
    await changes.getByText('The result is identical, byte for byte.').waitFor({ timeout: 60_000 });
    expect(await changes.innerText()).toContain('No version changed since the original run.');
    // The re-run's own result shows the same log-rank test.
    const cards = page.getByRole('region', { name: /log-rank/i });
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    for (const text of await cards.allInnerTexts()) expect(text).toBe(before);
    await shot('rerun');
  }, 120_000);

  it('compares two runs of the history side by side', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const boxes = page.getByRole('checkbox', { name: /^Compare / });
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    // The re-run and its original: the same log-rank test on both sides.
    const cards = page.getByRole('region', { name: /log-rank/i });
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(2);
    const [left, right] = await cards.allInnerTexts();
    expect(left).toBe(right);
    await shot('compare');
  }, 60_000);

  it('is usable from the keyboard: a skip link first, then the main navigation', async () => {
    await page.goto(`${node.base}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByLabel('Search products').waitFor();
    await page.keyboard.press('Tab');
    // Evaluated in the page (as text: this test is compiled without the DOM's types).
    expect(await page.evaluate("document.activeElement?.textContent?.trim() ?? ''")).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(['Plexus', 'Catalog']).toContain(
      await page.evaluate("document.activeElement?.textContent?.trim() ?? ''"),
    );
    // Every form control of the page has an accessible name: a label, aria-label(ledby), or its text.
    const unnamed = await page.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
      .filter((element) => !element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby')
        && !(element.labels && element.labels.length > 0)
        && !(element.tagName === 'BUTTON' && element.textContent.trim() !== '')).length`);
    expect(unnamed).toBe(0);
  });

  it('uses the width of a large monitor without stretching the text', async () => {
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.goto(`${node.base}/`);
    await page
      .getByRole('link', { name: /Veterans' Administration lung cancer trial/i })
      .first()
      .waitFor();
    const width = await page.locator('main').evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(2100);
    await shot('catalog-wide');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('offers features as you type and runs an app on the one picked', async () => {
    await page.goto(`${node.base}/#/products/all-leukemia/apps/feature-by-group`);
    const picker = page.getByLabel('Probe set', { exact: true });
    await picker.fill('3973');
    // The suggestions come from the node's feature search (GET …/features), as a datalist of the input.
    await expect
      .poll(
        () =>
          page.evaluate(`(() => {
            const input = [...document.querySelectorAll('input[list]')].find((element) => element.value === '3973');
            return input && input.list ? [...input.list.options].map((option) => option.value) : [];
          })()`),
        { timeout: 15_000 },
      )
      .toContain('39730_at');
    await picker.fill('39730_at');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await statisticText(/Kruskal|Welch/i, 60_000)).toMatch(/p/);
    // The box plot of the probe set, drawn.
    await expect.poll(() => page.locator('[role="img"] svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await shot('feature-by-group');
  }, 120_000);

  it('shows the progress of a long run and cancels it', async () => {
    await page.goto(`${node.base}/#/products/va-site-a/apps/slow-count`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The node answers 202 after a moment; the page then follows the run's events.
    const progress = page.getByRole('region', { name: 'Run progress' }).filter({ hasText: /Running… \d+%/ });
    await progress.waitFor({ timeout: 30_000 });
    await expect.poll(() => progress.innerText(), { timeout: 15_000 }).toMatch(/step [2-9]\d* of 60/);
    await shot('progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The page's one live region says it; the outcome below the form shows the node's code.
    await page.getByRole('status').filter({ hasText: 'Run cancelled' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.run-failed').textContent()).toMatch(/CANCELLED|cancelled/);
  }, 90_000);

  it('asks a federated count across two sites and shows each site and the combined answer', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Federated' }).click();
    await page.getByLabel('VA lung trial, site A').check();
    await page.getByLabel('VA lung trial, site B').check();
    await page.getByLabel('Protocol').selectOption('federated-counts');
    await page.getByRole('button', { name: 'Ask all sites' }).click();
    const sites = page.getByRole('table', { name: /site/i }).first();
    await sites.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await sites.innerText()).match(/\bok\b/g)?.length ?? 0).toBe(2);
    // The two halves of the trial sum to its 137 patients.
    expect(
      await page
        .getByRole('region', { name: /total count/i })
        .first()
        .innerText(),
    ).toContain('137');
    await page
      .getByRole('heading', { name: 'Result', exact: true })
      .or(sites)
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shot('federated');
  }, 120_000);
});
