import type { Browser } from 'playwright-core';
import { type Bytes, type RequestRecord, recordNetwork } from './networkLog.ts';
import type { NetworkProfile } from './profiles.ts';

/** Where the client keeps an API token (packages/web/src/api/client.ts): set, it is signed in. */
const TOKEN_KEY = 'plexus.apiToken';

export interface LoadTarget {
  url: string;
  /** Signed in with this API token from the first script on. */
  token?: string;
  /** The element whose first frame with a size is the load's "ready" time. */
  readySelector?: string;
}

export interface LoadResult {
  /** ms from navigation start to DOMContentLoaded (its event's start, as DevTools shows it). */
  dcl: number;
  /** ms from navigation start to the first frame where `readySelector` had a size; NaN without one. */
  ready: number;
  bytes: Bytes;
  requests: RequestRecord[];
}

/**
 * Watches, from before the page's first script, every animation frame for `selector` laid out with a
 * size, and keeps the page's clock then: page time is measured from navigation start, so no Node-side
 * polling delay lands in the figure. An init script is no page script, so the page's CSP leaves it be.
 */
const readyWatcher = (selector: string) => `(() => {
  const check = () => {
    const element = document.querySelector(${JSON.stringify(selector)});
    const box = element && element.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) window.__benchReady = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function pageValue(read: () => Promise<number>, timeoutMs: number, what: string): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const value = await read();
    if (value > 0) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

/**
 * One load from a cold start: a fresh browser context (an empty cache and no open connections), the
 * profile's throttling set before the navigation, the network recorded until it has been quiet.
 */
export async function coldLoad(
  browser: Browser,
  profile: NetworkProfile,
  target: LoadTarget,
): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (target.token !== undefined)
      await context.addInitScript(
        `try { localStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(target.token)}); } catch {}`,
      );
    if (target.readySelector !== undefined) await context.addInitScript(readyWatcher(target.readySelector));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    const network = recordNetwork(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.downloadThroughput,
      uploadThroughput: profile.uploadThroughput,
    });
    await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const dcl = await pageValue(
      async () =>
        Number(
          await page.evaluate(
            "performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0",
          ),
        ),
      10_000,
      'DOMContentLoaded',
    );
    const ready =
      target.readySelector === undefined
        ? Number.NaN
        : await pageValue(
            async () => Number(await page.evaluate('window.__benchReady ?? 0')),
            60_000,
            `${target.readySelector} at ${target.url}`,
          );
    // The bytes of the load: everything the page asked for until the network went quiet.
    await network.untilQuiet(500, 30_000);
    if (errors.length > 0) throw new Error(`errors in the page at ${target.url}:\n${errors.join('\n')}`);
    return { dcl, ready, bytes: network.bytes(), requests: network.requests() };
  } finally {
    await context.close();
  }
}
