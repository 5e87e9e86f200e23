import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeSiteProduct } from '../federation/siteProducts.ts';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';
import { makeWorkspace, openWatchedPage, tearDown, type WatchedPage } from './pageHarness.ts';
import { webClientBuilt } from './webClientBuilt.ts';

/**
 * Access management in the browser, against a node started here: the node administrator creates local
 * accounts and appoints the owner of a private product; the owner finds it, gives a colleague a role on
 * its page and takes it away again; the colleague sees the product exactly while the grant holds.
 */
const REPO = resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = `tok_webaccesstests.${'a'.repeat(40)}`;
const PRIVATE = 'va-private';
const available = chromiumAvailable() && webClientBuilt();

let root: string;
let node: NodeProcess;
let browser: Browser;
let page: Page;
let watched: WatchedPage;
const shot = (name: string) => watched.shot(name);
const accounts: Record<string, { id: string; token: string }> = {};

async function signInAs(token: string): Promise<void> {
  await page.goto(`${node.base}/#/signin`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if ((await signOut.count()) > 0) {
    await signOut.click();
    // Signed out once the header offers to sign in: the page starts afresh then, form included.
    await page
      .getByRole('banner')
      .getByRole('link', { name: /sign in/i })
      .waitFor();
    await page.goto(`${node.base}/#/signin`);
  }
  await page.getByLabel('API token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signOut.waitFor();
}

/** Whether the catalog lists the private product for whoever is signed in (it is left out, not locked). */
async function catalogLists(productTitle: RegExp): Promise<boolean> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  // va-lung-trial is public: once it is listed the list is complete.
  await page
    .getByRole('link', { name: /Veterans' Administration lung cancer trial/ })
    .first()
    .waitFor();
  return (await page.getByRole('link', { name: productTitle }).count()) > 0;
}

describe.skipIf(!available)('access management in the web client', () => {
  beforeAll(async () => {
    root = await makeWorkspace('web-access');
    const dir = await writeSiteProduct(root, PRIVATE, { keep: () => true });
    const file = join(dir, 'product.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8'))
        .replace(/^title: .*$/m, 'title: VA lung trial, private copy')
        .replace(/^ {2}visibility: public.*$/m, '  visibility: private'),
    );
    node = await startNode(
      join(REPO, 'products/va-lung-trial'),
      join(root, 'data'),
      { PLEXUS_ADMIN_TOKEN: ADMIN_TOKEN },
      [dir],
    );
    browser = await launchChromium();
    watched = await openWatchedPage(browser);
    page = watched.page;
  }, 240_000);

  afterEach(() => {
    expect(watched?.takeErrors() ?? [], 'errors in the page').toEqual([]);
  });

  afterAll(() => tearDown({ browser, node, root }));

  it('lets the administrator create local accounts, each with a token shown once', async () => {
    await signInAs(ADMIN_TOKEN);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Administration' })
      .click();
    const form = page.getByRole('form', { name: 'Create a local account' });
    for (const [username, name, manages] of [
      ['olivia', 'Olivia Owner', true],
      ['ben', 'Ben Analyst', false],
    ] as const) {
      await form.getByLabel('Username').fill(username);
      await form.getByLabel('Full name').fill(name);
      // Managing grants needs a token that may manage: the admin scope.
      await form.getByRole('checkbox', { name: 'admin' }).setChecked(manages);
      await form.getByRole('button', { name: 'Create account' }).click();
      const token = page.getByLabel(`Token for ${name}`);
      await token.waitFor();
      const row = page.getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      accounts[username] = {
        token: (await token.inputValue()).trim(),
        id: (await row.getByRole('cell').nth(1).innerText()).trim(),
      };
      expect(accounts[username]?.token).toMatch(/^tok_/);
    }
    await shot('admin');
    // The private product is hidden from the administrator like from anyone without a grant.
    expect(await catalogLists(/VA lung trial, private copy/)).toBe(false);
  }, 90_000);

  it('lets the administrator appoint the owner of a private product by its id', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByLabel('Product id').fill(PRIVATE);
    await page.getByRole('button', { name: 'Show owners' }).click();
    const owners = page.getByRole('list', { name: 'Appointed owners' });
    await owners.getByText('Nobody yet.').waitFor();
    const appoint = page.getByRole('form', { name: 'Appoint an owner' });
    await appoint.getByLabel(/New owner \(user id\)/).fill(accounts.olivia?.id ?? '');
    await appoint.getByRole('button', { name: 'Appoint owner' }).click();
    await owners.getByText('Olivia Owner').waitFor();
  }, 60_000);

  it("lets the owner give a colleague a role on the product's page, and take it away", async () => {
    await signInAs(accounts.olivia?.token ?? '');
    expect(await catalogLists(/VA lung trial, private copy/)).toBe(true);
    await page
      .getByRole('link', { name: /VA lung trial, private copy/ })
      .first()
      .click();
    const grants = page.getByRole('region', { name: 'Grants' });
    await grants.getByText('No grants.').waitFor();
    expect(await grants.innerText()).toContain('Visibility: private');
    const form = page.getByRole('form', { name: 'Add a grant' });
    await form.getByLabel(/Grantee \(user id\)/).fill(accounts.ben?.id ?? '');
    await form.getByLabel('Role').selectOption('analyst');
    await form.getByRole('button', { name: 'Grant' }).click();
    await grants.getByRole('cell', { name: /^Ben Analyst/ }).waitFor();
    expect(await grants.getByRole('row', { name: /Ben Analyst/ }).innerText()).toContain('analyst');
    await page.getByRole('heading', { name: 'Owners and access' }).scrollIntoViewIfNeeded();
    await shot('grants');

    // Ben sees the product and its apps, not its grants.
    await signInAs(accounts.ben?.token ?? '');
    expect(await catalogLists(/VA lung trial, private copy/)).toBe(true);
    await page
      .getByRole('link', { name: /VA lung trial, private copy/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Kaplan–Meier survival by group' }).waitFor();
    await page.getByText("Only the product's owners see and manage its grants.").waitFor();

    // Olivia revokes; the product disappears for Ben.
    await signInAs(accounts.olivia?.token ?? '');
    await page.goto(`${node.base}/#/products/${PRIVATE}`);
    await page
      .getByRole('region', { name: 'Grants' })
      .getByRole('button', { name: 'Revoke the analyst role of Ben Analyst' })
      .click();
    await page.getByRole('region', { name: 'Grants' }).getByText('No grants.').waitFor();
    await signInAs(accounts.ben?.token ?? '');
    expect(await catalogLists(/VA lung trial, private copy/)).toBe(false);
  }, 120_000);

  it('refuses the administration page to everyone else', async () => {
    await page.goto(`${node.base}/#/admin`);
    await page.getByText('This page is for node administrators.').waitFor();
    expect(await page.getByRole('form', { name: 'Create a local account' }).count()).toBe(0);
  }, 30_000);
});
