import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@plexus/spec';
import { describe, expect, it } from 'vitest';
import { describeError } from './describeError.ts';

const fixedId = () => 'error-1';

describe('describeError', () => {
  it('maps the error family to 400, 403, 404, 409', () => {
    expect(describeError(new InputError('x'), fixedId).status).toBe(400);
    expect(describeError(new NotAllowedError('x'), fixedId).status).toBe(403);
    expect(describeError(new NotFoundError('x'), fixedId).status).toBe(404);
    expect(describeError(new ConflictError('x'), fixedId).status).toBe(409);
  });

  it('turns validation errors into details for the right request part', () => {
    const error = Object.assign(new Error('params/productId must be string'), {
      validation: [
        { keyword: 'type', instancePath: '/productId', schemaPath: '#', params: { type: 'string' }, data: 3 },
        {
          keyword: 'enum',
          instancePath: '/arm',
          schemaPath: '#',
          params: { allowedValues: ['a', 'b'] },
          message: 'must be equal to one of the allowed values',
          data: 'c',
        },
        { keyword: 'required', instancePath: '', schemaPath: '#', params: { missingProperty: 'x' } },
        { keyword: 'minimum', instancePath: '/n', schemaPath: '#', params: {}, message: 'must be >= 1' },
      ],
      validationContext: 'params',
    });
    const answer = describeError(error, fixedId);
    expect(answer.status).toBe(400);
    expect(answer.fault).toBe(false);
    expect(answer.body.error.message).toBe(
      'Invalid request path: path/productId: must be string, found integer (and 3 more).',
    );
    expect(answer.body.error.details).toEqual([
      {
        at: 'path/productId',
        message: 'must be string, found integer',
        expected: 'string',
        found: 'integer',
      },
      {
        at: 'path/arm',
        message: 'must be equal to one of the allowed values',
        found: 'c',
        allowed: ['a', 'b'],
      },
      { at: 'path/x', message: 'is required' },
      { at: 'path/n', message: 'must be >= 1' },
    ]);
  });

  it("keeps the status and message of Fastify's own request errors", () => {
    const tooLarge = Object.assign(new RangeError('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(describeError(tooLarge, fixedId)).toEqual({
      status: 413,
      fault: false,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large.', details: [] } },
    });
    const teapot = Object.assign(new Error('short and stout'), { statusCode: 418, code: 'FST_ERR_TEAPOT' });
    expect(describeError(teapot, fixedId).body.error.code).toBe('REQUEST_INVALID');
  });

  it('does not trust a client status on errors that do not come from Fastify', () => {
    const upstream = Object.assign(new Error('GET http://10.0.0.7/internal failed'), {
      statusCode: 404,
      code: 'E404',
    });
    const answer = describeError(upstream, fixedId);
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.7');
  });

  it('hides everything else behind a generic 500 with the error id', () => {
    const answer = describeError(new TypeError('x is undefined at /srv/app.ts:3'), fixedId);
    expect(answer).toEqual({
      status: 500,
      fault: true,
      body: {
        error: {
          code: 'INTERNAL',
          message: 'The server failed to answer this request. Quote error id error-1 to its operator.',
          errorId: 'error-1',
          details: [],
        },
      },
    });
  });
});
