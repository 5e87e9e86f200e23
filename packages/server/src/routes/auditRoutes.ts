import type { ProductRegistry } from '@plexus/runtime';
import {
  describeValue,
  InputError,
  NotAllowedError,
  NotFoundError,
  UnauthenticatedError,
} from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AuditQuery } from '../control/ControlStore.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';

const nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

const AuditEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    userId: nullable(Type.String()),
    tokenId: nullable(Type.String()),
    action: Type.String({ description: 'The operation, e.g. runProtocol, countCohort.' }),
    productId: nullable(Type.String()),
    dataVersion: nullable(Type.String()),
    protocolId: nullable(Type.String()),
    paramsHash: nullable(Type.String({ description: 'sha256 of the request body in canonical JSON.' })),
    outcome: Type.Union([Type.Literal('allowed'), Type.Literal('denied'), Type.Literal('failed')]),
    status: Type.Integer(),
    requestId: Type.String(),
  },
  { additionalProperties: false },
);

const AuditQuerySchema = Type.Object(
  {
    productId: Type.Optional(Type.String()),
    userId: Type.Optional(Type.String()),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive.' })),
    // Query strings are text (the node does not coerce types): a number as digits, checked when used.
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,4}$', description: 'How many, 1 to 1000; default 100.' }),
    ),
    after: Type.Optional(Type.String({ description: 'The next cursor of the previous page.' })),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('jsonl')], {
        description: 'jsonl: one entry per line (application/x-ndjson), for export.',
      }),
    ),
  },
  { additionalProperties: false },
);

type AuditRequest = Omit<AuditQuery, 'productIds' | 'limit'> & {
  productId?: string;
  limit?: string;
  format?: 'json' | 'jsonl';
};

/** The audit log, for node administrators (everything) and product owners (their products). */
export function auditRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  app.get<{ Querystring: AuditRequest }>(
    '/api/v1/audit',
    {
      schema: {
        operationId: 'queryAudit',
        summary: 'Who touched which product, when and with what outcome; newest first, paged',
        tags: ['identity'],
        querystring: AuditQuerySchema,
        response: {
          200: Type.Object(
            { entries: Type.Array(AuditEntrySchema), next: nullable(Type.String()) },
            { additionalProperties: false },
          ),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { caller } = request;
      if (caller.userId === undefined)
        throw new UnauthenticatedError('sign in or present an API token first');
      const { productId, format, limit: limitText = '100', ...rest } = request.query;
      const limit = Number(limitText);
      if (limit < 1 || limit > 1000)
        throw new InputError(`limit is from 1 to 1000, found ${limitText}`, [
          { at: 'limit', message: 'out of range', found: limitText },
        ]);
      let productIds: string[] | undefined;
      if (!caller.admin) {
        // Owners see the records of the products they own, and nothing else.
        const decisions = await Promise.all(
          registry.list().map(async (product) => ({
            id: product.id,
            owns: (await gatekeeper.decide(caller, product, 'manage')).outcome === 'allow',
          })),
        );
        productIds = decisions.filter((decision) => decision.owns).map((decision) => decision.id);
        if (productIds.length === 0)
          throw new NotAllowedError('the audit log is for node administrators and the owners of products');
        if (productId !== undefined && !productIds.includes(productId)) {
          // A product the caller may not see is answered as one that does not exist.
          const product = registry.get(productId);
          const seen = product
            ? (await gatekeeper.decide(caller, product, 'see')).outcome !== 'hidden'
            : false;
          if (!seen)
            throw new NotFoundError(`There is no data product ${describeValue(productId)} on this node.`);
          throw new NotAllowedError(`you own no product ${productId}: its records are not yours to read`);
        }
      }
      if (productId !== undefined) productIds = [productId];
      const query: AuditQuery = { ...rest, limit, ...(productIds ? { productIds } : {}) };
      if (query.from !== undefined && query.to !== undefined && query.from >= query.to)
        throw new InputError('from must be before to', [
          { at: 'from', message: 'after to', found: query.from },
        ]);
      const page = await gatekeeper.store.queryAudit(query);
      if (format === 'jsonl') {
        return reply
          .type('application/x-ndjson')
          .header('x-next-cursor', page.next ?? '')
          .send(
            page.entries.map((entry) => JSON.stringify(entry)).join('\n') +
              (page.entries.length > 0 ? '\n' : ''),
          );
      }
      return page;
    },
  );
}
