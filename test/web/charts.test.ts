import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';
import { makeWorkspace, openWatchedPage, tearDown, type WatchedPage, writeTwoSites } from './pageHarness.ts';
import { webClientBuilt } from './webClientBuilt.ts';

/**
 * The result charts people read, drawn by the page in Chromium from real runs: Kaplan–Meier curves with
 * their confidence bands, a volcano plot of differential expression, a UMAP scatter whose points say
 * what they are on hover, and the forest plot of a federated meta-analysis.
 */
const REPO = resolve(import.meta.dirname, '../..');
const TOKEN = `tok_webchartstests.${'c'.repeat(40)}`;
const available = chromiumAvailable() && webClientBuilt();

let root: string;
let node: NodeProcess;
let browser: Browser;
let page: Page;
let watched: WatchedPage;
const shot = (name: string) => watched.shot(name);

/** Runs an app with its default parameters (and any set by `prepare`) and waits for the named chart. */
async function runForChart(path: string, chartName: RegExp, prepare?: () => Promise<unknown>) {
  await page.goto(`${node.base}/#/${path}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await prepare?.();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const chart = page.getByRole('img', { name: chartName }).first();
  await chart.waitFor({ timeout: 90_000 });
  await expect.poll(() => chart.locator('svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await chart.scrollIntoViewIfNeeded();
  return chart;
}

/** How many marks of a Vega mark type the chart drew (`symbol`, `area`, `line`, `rule`, …). */
function marks(chart: ReturnType<Page['getByRole']>, type: string) {
  return chart.locator(`svg g.mark-${type} path, svg g.mark-${type} line`);
}

describe.skipIf(!available)('result charts in the web client', () => {
  beforeAll(async () => {
    root = await makeWorkspace('web-charts');
    // The trial has 9 censored patients in all: a half-site's arm has fewer than the default minimum
    // cell count of 5 without the event, and would rightly withhold its estimate.
    const sites = await writeTwoSites(root, { minCellCount: 1 });
    node = await startNode(
      join(REPO, 'products/va-lung-trial'),
      join(root, 'data'),
      { PLEXUS_ADMIN_TOKEN: TOKEN },
      [...sites, join(REPO, 'products/all-leukemia')],
    );
    browser = await launchChromium();
    watched = await openWatchedPage(browser);
    page = watched.page;
    // Signed in from the page's first script on, as a browser that signed in before.
    await page.addInitScript(`localStorage.setItem('plexus.apiToken', ${JSON.stringify(TOKEN)})`);
  }, 240_000);

  afterEach(() => {
    expect(watched?.takeErrors() ?? [], 'errors in the page').toEqual([]);
  });

  afterAll(() => tearDown({ browser, node, root }));

  it('draws Kaplan–Meier curves with their confidence bands', async () => {
    const chart = await runForChart('products/va-lung-trial/apps/kaplan-meier', /survival/i);
    // One band (area) and one step curve (line) per arm.
    await expect.poll(() => marks(chart, 'area').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => marks(chart, 'line').count()).toBeGreaterThanOrEqual(2);
    await shot('chart-kaplan-meier');
  }, 120_000);

  it('draws a volcano plot of B against T lineage', async () => {
    const chart = await runForChart('products/all-leukemia/apps/differential-expression', /volcano/i);
    // A point per probe set tested: thousands of them.
    await expect.poll(() => marks(chart, 'symbol').count()).toBeGreaterThan(1000);
    await shot('chart-volcano');
  }, 180_000);

  it('draws a UMAP scatter whose points name their sample on hover', async () => {
    const chart = await runForChart(
      'products/all-leukemia/apps/expression-embedding',
      /UMAP|embedding/i,
      () => page.getByLabel('Method', { exact: true }).selectOption('umap'),
    );
    const points = marks(chart, 'symbol');
    await expect.poll(() => points.count()).toBeGreaterThan(100);
    await points.nth(10).hover({ force: true });
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tooltip.textContent()).toMatch(/lineage|sample|patient/i);
    await shot('chart-umap');
  }, 240_000);

  it('draws the forest plot of a federated meta-analysis across two sites', async () => {
    await page.goto(`${node.base}/#/federated`);
    await page.getByLabel('VA lung trial, site A').check();
    await page.getByLabel('VA lung trial, site B').check();
    await page.getByLabel('Protocol').selectOption('federated-cox');
    await page.getByRole('button', { name: 'Ask all sites' }).click();
    const sites = page.getByRole('table', { name: /site/i }).first();
    await sites.waitFor({ timeout: 90_000 });
    await expect.poll(async () => (await sites.innerText()).match(/\bok\b/g)?.length ?? 0).toBe(2);
    const forest = page.getByRole('img', { name: /forest|hazard/i }).first();
    await forest.waitFor({ timeout: 90_000 });
    await expect.poll(() => forest.locator('svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // A row for each site and for the pooled estimate, each with its point estimate drawn.
    const labels = (await forest.locator('svg text').allTextContents()).join(' ');
    for (const row of ['va-site-a', 'va-site-b', 'Fixed effect']) expect(labels).toContain(row);
    await expect.poll(() => marks(forest, 'symbol').count()).toBeGreaterThanOrEqual(3);
    await forest.scrollIntoViewIfNeeded();
    await shot('chart-forest');
  }, 180_000);
});
