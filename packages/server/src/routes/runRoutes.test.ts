import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID, FAKE_VERSIONS } from '../testing/fakeRegistry.ts';

const runsOf = (protocolId: string) => `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/${protocolId}/runs`;
const json = { 'content-type': 'application/json' };

describe('POST .../runs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  const post = (payload: InjectOptions['payload'], headers: Record<string, string> = json) =>
    app.inject({ method: 'POST', url: runsOf('describe-arm'), payload, headers });

  it('runs a protocol and returns the whole run, nothing dropped by serialization', async () => {
    const response = await post({ params: { arm: 'test' } });
    expect(response.statusCode).toBe(200);
    const expected = await createFakeRegistry().get(FAKE_PRODUCT_ID)?.run('describe-arm', { arm: 'test' });
    const { run } = response.json();
    expect(run.result).toEqual(expected?.result);
    expect(run).toMatchObject({
      status: 'succeeded',
      productId: FAKE_PRODUCT_ID,
      protocolId: 'describe-arm',
      protocolVersion: '1.0.0',
      versions: FAKE_VERSIONS,
      params: { arm: 'test' },
      rerunOf: null,
    });
    expect(run.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(response.json().run.result.provenance.parameters).toEqual({ arm: 'test' });
  });

  it('runs with default parameters when params is left out', async () => {
    const response = await post({});
    expect(response.statusCode).toBe(200);
    expect(response.json().run.result.provenance.parameters).toEqual({ arm: 'standard' });
  });

  it('runs with default parameters when there is no body at all', async () => {
    const response = await app.inject({ method: 'POST', url: runsOf('describe-arm') });
    expect(response.statusCode).toBe(200);
    expect(response.json().run.status).toBe('succeeded');
  });

  it('answers 200 with a failed run when the plugin failed', async () => {
    const response = await app.inject({ method: 'POST', url: runsOf('always-fails'), payload: {} });
    expect(response.statusCode).toBe(200);
    const { run } = response.json();
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ code: 'PLUGIN_FAILED', message: 'The plugin crashed.' });
    expect(run.result).toBeUndefined();
  });

  it('relays the InputError of the service as 400 with its details', async () => {
    const response = await post({ params: { arm: 'placebo' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'INPUT_INVALID',
        message: 'Parameter arm is invalid.',
        details: [
          {
            at: 'arm',
            message: 'must be one of the arms',
            expected: 'a treatment arm',
            found: 'placebo',
            allowed: ['standard', 'test'],
          },
        ],
      },
    });
  });

  it('shortens a huge echoed value in the details', async () => {
    const response = await post({ params: { arm: 'x'.repeat(5000) } });
    expect(response.statusCode).toBe(400);
    const found = response.json().error.details[0].found;
    expect(found.length).toBeLessThan(100);
  });

  it('answers 404 listing the protocols for an unknown protocol', async () => {
    const response = await app.inject({ method: 'POST', url: runsOf('survival'), payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain(
      'Its protocols: describe-arm, always-fails, service-bug.',
    );
  });

  it('answers 404 for an unknown product', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/products/nope/protocols/describe-arm/runs',
      payload: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("'nope'");
  });

  it('rejects params that are an array, naming the field and the types', async () => {
    const response = await post({ params: [1, 2] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { at: 'body/params', message: 'must be object, found array', expected: 'object', found: 'array' },
    ]);
  });

  it('rejects params that are null or a string', async () => {
    for (const params of [null, 'arm=test', 3]) {
      const response = await post({ params });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].at).toBe('body/params');
    }
  });

  it('rejects unknown top-level keys, with a suggestion and the allowed keys', async () => {
    const response = await post({ parms: { arm: 'test' }, extra: true });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(
      "Invalid request body: body/parms: unknown field 'parms' — did you mean 'params'? (and 1 more).",
    );
    expect(error.details).toEqual([
      {
        at: 'body/parms',
        message: "unknown field 'parms' — did you mean 'params'?",
        allowed: ['params', 'fresh'],
      },
      { at: 'body/extra', message: "unknown field 'extra'", allowed: ['params', 'fresh'] },
    ]);
  });

  it('rejects bodies that are not objects', async () => {
    for (const payload of ['[1,2]', '"text"', '42', 'null', 'true']) {
      const response = await post(payload);
      expect(response.statusCode, payload).toBe(400);
      const detail = response.json().error.details[0];
      expect(detail.at).toBe('body');
      expect(detail.expected).toBe('object');
    }
  });

  it('rejects malformed JSON with 400', async () => {
    for (const payload of ['{"params": {', '{params: 1}', "{'a': 1}", '{"a":1}}']) {
      const response = await post(payload);
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code).toBe('INPUT_INVALID');
      expect(response.json().error.message).toContain('not valid JSON');
    }
  });

  it('rejects an empty body declared as JSON with 400', async () => {
    const response = await post('');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INPUT_INVALID');
  });

  it('rejects prototype poisoning with 400', async () => {
    const response = await post('{"params": {"__proto__": {"admin": true}}}');
    expect(response.statusCode).toBe(400);
  });

  it('rejects a body over the 1 MiB default limit with 413', async () => {
    const response = await post(JSON.stringify({ params: { arm: 'x'.repeat(1024 * 1024) } }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large.', details: [] },
    });
  });

  it('honours a smaller bodyLimit', async () => {
    const small = await createTestServer({ bodyLimit: 64 });
    const response = await small.inject({
      method: 'POST',
      url: runsOf('describe-arm'),
      payload: { params: { arm: 'standard', note: 'y'.repeat(100) } },
    });
    expect(response.statusCode).toBe(413);
    await small.close();
  });

  it('rejects bodies that are not JSON with 415', async () => {
    for (const type of [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const response = await post('arm=test', { 'content-type': type });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('rejects a body without a content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: runsOf('describe-arm'),
      payload: Buffer.from('{"params":{}}'),
      headers: { 'content-length': '13' },
    });
    expect(response.statusCode).toBe(415);
  });

  it('accepts JSON with a charset', async () => {
    const response = await post('{"params":{"arm":"test"}}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.statusCode).toBe(200);
  });
});
