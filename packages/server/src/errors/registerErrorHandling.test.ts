import {
  ConflictError,
  type ErrorDetail,
  InputError,
  NotAllowedError,
  NotFoundError,
  PlexusError,
} from '@plexus/spec';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.ts';
import { createTestServer } from '../testing/createTestServer.ts';
import { createFakeRegistry, FAKE_BUG_MESSAGE, FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';
import { registryOf } from '../testing/registryOf.ts';
import { registryThrowing } from '../testing/registryThrowing.ts';
import { testGatekeeper } from '../testing/testGatekeeper.ts';

const runUrl = `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class UnmappedError extends PlexusError {
  readonly code = 'SOMETHING_NEW';
}

/** Runs the fake product's protocol on a server whose service throws `error`. */
async function runThrowing(error: unknown) {
  const app = await createServer({ gatekeeper: await testGatekeeper(), registry: registryThrowing(error) });
  const response = await app.inject({ method: 'POST', url: runUrl, payload: {} });
  await app.close();
  return response;
}

describe('error handling', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it.each([
    [new InputError('bad', [{ at: 'arm', message: 'no' }]), 400, 'INPUT_INVALID'],
    [new NotAllowedError('no grant'), 403, 'NOT_ALLOWED'],
    [new NotFoundError('gone'), 404, 'NOT_FOUND'],
    [new ConflictError('busy'), 409, 'CONFLICT'],
  ])('maps %s to its status and keeps message and details', async (error, status, code) => {
    const response = await runThrowing(error);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({
      error: { code, message: error.message, details: error.details as ErrorDetail[] },
    });
  });

  it('answers a bug with 500, a generic message and an error id, never the message or stack', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/service-bug/runs`,
      payload: {},
    });
    expect(response.statusCode).toBe(500);
    const { error } = response.json();
    expect(Object.keys(error).sort()).toEqual(['code', 'details', 'errorId', 'message']);
    expect(error.code).toBe('INTERNAL');
    expect(error.errorId).toMatch(UUID);
    expect(error.message).toContain(error.errorId);
    expect(error.details).toEqual([]);
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(response.body).not.toContain('.ts');
    expect(response.body).not.toContain('at ');
  });

  it('logs the stack of a bug with its error id', async () => {
    const lines: string[] = [];
    const logged = await createServer({
      gatekeeper: await testGatekeeper(),
      registry: registryThrowing(new Error(FAKE_BUG_MESSAGE)),
      logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } },
    });
    const response = await logged.inject({ method: 'POST', url: runUrl, payload: {} });
    await logged.close();
    const errorId = response.json().error.errorId;
    const entry = lines.map((line) => JSON.parse(line)).find((record) => record.errorId === errorId);
    expect(entry?.err?.message).toBe(FAKE_BUG_MESSAGE);
    expect(entry?.err?.stack).toContain('Error:');
  });

  it('treats a thrown non-Error and an unmapped Plexus error as bugs', async () => {
    for (const thrown of ['a string', { statusCode: 400 }, new UnmappedError('new kind')]) {
      const response = await runThrowing(thrown);
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('INTERNAL');
    }
  });

  it('does not trust a 5xx status attached to an error', async () => {
    const response = await runThrowing(
      Object.assign(new Error('pool exhausted at /srv/db'), { statusCode: 503 }),
    );
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('/srv/db');
  });

  it('answers a product that serves malformed data with 500, not a half-serialized body', async () => {
    const registry = createFakeRegistry();
    const product = registry.get(FAKE_PRODUCT_ID);
    if (product === undefined) throw new Error('no fake product');
    // Deliberately breaks the ProductService contract, as a buggy service could at run time.
    const broken = { ...product, descriptor: () => ({ ...product.descriptor(), title: undefined }) as never };
    const server = await createServer({
      gatekeeper: await testGatekeeper(),
      registry: registryOf([broken]),
    });
    const response = await server.inject({ method: 'GET', url: '/api/v1/products' });
    await server.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
  });

  it('answers an unknown route with 404 JSON naming it, without the query', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v2/things?token=secret' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'There is no route GET /api/v2/things.', details: [] },
    });
  });

  it('answers a wrong method with 404 JSON', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/v1/products' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('There is no route DELETE /api/v1/products.');
  });

  it('cuts a very long unknown path in the message', async () => {
    const response = await app.inject({ method: 'GET', url: `/${'x'.repeat(5000)}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message.length).toBeLessThan(300);
  });

  it('answers a malformed URL with 400 and the same body and headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INPUT_INVALID');
    expect(response.json().error.details).toEqual([]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBeDefined();
  });

  it('answers an over-long id with 414 and the same body', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/products/${'a'.repeat(1000)}` });
    expect(response.statusCode).toBe(414);
    const { error } = response.json();
    expect(error.code).toBe('URI_TOO_LONG');
    expect(error.message.length).toBeLessThan(320);
  });
});
