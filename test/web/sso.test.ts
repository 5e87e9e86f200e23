import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../packages/server/src/testing/oidcProvider.ts';
import { linkNodeModules } from '../federation/siteProducts.ts';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';
import { webClientBuilt } from './webClientBuilt.ts';

/**
 * Signing in to the web page through the node's single sign-on, in Chromium, against a real OpenID
 * Connect provider on loopback: the provider's login and consent pages, the node's callback, the
 * session cookie; the page then shows the user's name and groups, and signs out.
 */
const REPO = resolve(import.meta.dirname, '../..');

let root: string;
let provider: TestOidcProvider;
let node: NodeProcess;
let browser: Browser;
let page: Page;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.skipIf(!(chromiumAvailable() && webClientBuilt()))('signing in to the web page with SSO', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'plexus-web-sso-'));
    await linkNodeModules(root);
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startTestOidcProvider({ redirectUri: `${publicUrl}/auth/callback` });
    node = await startNode(
      join(REPO, 'products/va-lung-trial'),
      join(root, 'data'),
      {
        PLEXUS_ADMIN_TOKEN: `tok_webssotests.${'s'.repeat(40)}`,
        PLEXUS_OIDC_ISSUER: provider.issuer,
        PLEXUS_OIDC_CLIENT_ID: provider.clientId,
        PLEXUS_OIDC_CLIENT_SECRET: provider.clientSecret,
        PLEXUS_OIDC_AUDIENCE: provider.audience,
        PLEXUS_OIDC_GROUPS_SCOPE: 'groups',
        PLEXUS_PUBLIC_URL: publicUrl,
      },
      ['--port', String(port)],
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
    await provider?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("goes through the provider's login and consent and comes back signed in, with name and groups", async () => {
    // The page is opened at the node's public address, where the provider sends the browser back.
    await page.goto(`${node.base.replace('localhost', '127.0.0.1')}/#/signin`);
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    // The provider's own pages.
    await page.getByLabel('User').fill('alice');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const allow = page.getByRole('button', { name: 'Allow' });
    // A provider may skip consent it already has; this one asks once.
    if (await allow.isVisible({ timeout: 5_000 }).catch(() => false)) await allow.click();
    await page
      .getByText('Alice Example')
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}\nat ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 800)}`,
        );
      });
    expect(await page.locator('header').innerText()).toContain('oncology');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Browsing anonymously').waitFor({ timeout: 15_000 });
  }, 90_000);
});
