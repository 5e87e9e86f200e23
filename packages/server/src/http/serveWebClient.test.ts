import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.ts';
import { createFakeRegistry } from '../testing/fakeRegistry.ts';
import { testGatekeeper } from '../testing/testGatekeeper.ts';
import { WEB_CSP } from './serveWebClient.ts';

let root: string;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'main-abc123.js.gz'), gzipSync('console.log(1)'));
  app = await createServer({
    registry: createFakeRegistry(),
    gatekeeper: await testGatekeeper(),
    webRoot: root,
  });
  bare = await createServer({
    registry: createFakeRegistry(),
    gatekeeper: await testGatekeeper(),
    webRoot: join(root, 'missing'),
  });
});

afterAll(async () => {
  await app.close();
  await bare.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web client at /', () => {
  it('answers the page at / and at any page path, with the page policy and no caching', async () => {
    for (const url of ['/', '/products/va-lung-trial', '/history?after=x']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toBe(WEB_CSP);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built assets with a long cache, and 404 for a missing one', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
  });

  it('sends the compressed copy the build wrote to a browser that accepts it, the plain file otherwise', async () => {
    const compressed = await app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(compressed.rawPayload).toString()).toBe('console.log(1)');
    const plain = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('keeps the API answering JSON, 404s included, under the API policy', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect(missing.headers['content-security-policy']).toContain("default-src 'none'");
    const products = await app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(products.statusCode).toBe(200);
    expect(products.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('says how to build the client when it is not built', async () => {
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
  });
});
