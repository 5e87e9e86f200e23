import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): Playwright cannot download its own browser here. */
export const CHROMIUM = process.env.PLEXUS_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser is there; in CI its absence fails the tests rather than skipping them. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
  return false;
}

/**
 * Headless Chromium as a CI machine without network needs it: no background networking, no component
 * updates, no sync (each would try the network at start and fail noisily); Playwright gives it a fresh
 * profile.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
