/**
 * Entry point of `npm run bench:web`: the web client's first load from a cold cache under throttled
 * networks, against the network floor (a one-script page from a bare `node:http` server) loaded under
 * the same throttling in the same round. One `plexus serve` node serves va-lung-trial and the client.
 *
 *   npm run bench:web -- --runs 7 --profile fast-3g --waterfall
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { type NodeProcess, startNode } from '../../test/reproducibility/nodeProcess.ts';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../../test/web/browser.ts';
import { webClientBuilt } from '../../test/web/webClientBuilt.ts';
import { bundleSizes } from './bundleSizes.ts';
import { coldLoad, type LoadTarget } from './coldLoad.ts';
import { type FloorServer, startFloorServer } from './floorServer.ts';
import { parseOptions } from './options.ts';
import { PROFILES } from './profiles.ts';
import { formatBundle, formatBytes, formatTimes, formatWaterfall } from './report.ts';
import { type Round, summarizeProfile } from './summarize.ts';

const REPO = resolve(import.meta.dirname, '../..');
const PRODUCT = 'va-lung-trial';
const TOKEN = `tok_benchweb.${'b'.repeat(40)}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`bench:web: ${message}\n`);
  process.exit(1);
}

const options = (() => {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
// Both checks throw rather than answer false when CI is set; the bench says the same either way.
const present = (check: () => boolean) => {
  try {
    return check();
  } catch {
    return false;
  }
};
if (!present(chromiumAvailable))
  fail(`${CHROMIUM} is missing: install Debian's chromium package or set PLEXUS_CHROMIUM`);
if (!present(webClientBuilt))
  fail('the web client is not built (packages/web/dist): run `npm run build:web`');

const work = await mkdtemp(join(tmpdir(), 'plexus-bench-web-'));
let node: NodeProcess | undefined;
let floor: FloorServer | undefined;
let browser: Browser | undefined;
const cleanUp = async () => {
  await browser?.close();
  await floor?.close();
  await node?.stop();
  await rm(work, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

try {
  log(`starting a node with ${PRODUCT}…`);
  node = await startNode(join(REPO, 'products', PRODUCT), join(work, 'data'), {
    PLEXUS_ADMIN_TOKEN: TOKEN,
  });
  floor = await startFloorServer();
  browser = await launchChromium();
  const targets: Record<'floor' | 'catalog' | 'product', LoadTarget> = {
    floor: { url: floor.url },
    // The catalog is usable once its first product card is laid out.
    catalog: { url: new URL('/', node.base).href, token: TOKEN, readySelector: '.product-card' },
    // A product page's first chart: an attribute's distribution (an inline SVG, packages/web/src/product/Distribution.tsx).
    product: {
      url: new URL(`/#/products/${PRODUCT}`, node.base).href,
      token: TOKEN,
      readySelector: 'svg.distribution',
    },
  };
  // Not measured: the node's first answers pay for its JIT and SQLite's page cache, the browser's first
  // context for its own start; neither is what a visitor's first load costs.
  const unthrottled = PROFILES.find((profile) => profile.name === 'unthrottled') ?? PROFILES[0];
  if (!unthrottled) throw new Error('no network profile');
  for (const target of Object.values(targets)) await coldLoad(browser, unthrottled, target);

  // Other work on the machine slows the browser's parsing and the node alike: said with the figures.
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const rounds = new Map(options.profiles.map((profile) => [profile.name, [] as Round[]]));
  for (let run = 1; run <= options.runs; run++) {
    for (const profile of options.profiles) {
      log(`run ${run}/${options.runs}, ${profile.name}`);
      rounds.get(profile.name)?.push({
        floor: await coldLoad(browser, profile, targets.floor),
        catalog: await coldLoad(browser, profile, targets.catalog),
        product: await coldLoad(browser, profile, targets.product),
      });
    }
  }

  const summaries = options.profiles.map((profile) =>
    summarizeProfile(profile, rounds.get(profile.name) ?? []),
  );
  process.stdout.write(
    `\n${availableParallelism()} cores; load average before ${loadBefore.toFixed(2)}, after ${(loadavg()[0] ?? Number.NaN).toFixed(2)}\n`,
  );
  const sizes = await bundleSizes(join(REPO, 'packages/web/dist'));
  process.stdout.write(
    `${[formatTimes(summaries, options.runs), formatBytes(summaries), formatBundle(sizes)].join('\n')}\n`,
  );
  if (options.waterfall)
    for (const profile of options.profiles) {
      const last = rounds.get(profile.name)?.at(-1);
      if (!last) continue;
      process.stdout.write(
        `${formatWaterfall(`${profile.name}, catalog`, last.catalog)}\n${formatWaterfall(`${profile.name}, product`, last.product)}\n`,
      );
    }
} finally {
  await cleanUp();
}
