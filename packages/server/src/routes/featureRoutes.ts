import type { ProductRegistry } from '@plexus/runtime';
import { InputError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const FeatureQuerySchema = Type.Object(
  {
    modality: Type.String({
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'A modality of the product (see its model): matrix features, event names or genes.',
    }),
    q: Type.String({
      maxLength: 200,
      description: 'Text to find: exact, prefix and substring matches, case-insensitive.',
    }),
    // Query strings are text (the node does not coerce types): a number as digits, checked when used.
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,4}$', description: 'How many, 1 to 100; default 20.' }),
    ),
  },
  { additionalProperties: false },
);

const FeatureHitsSchema = Type.Object(
  {
    modality: Type.String(),
    features: Type.Array(
      Type.Object(
        {
          id: Type.String({
            description: 'Feature id, event name or gene: what a cohort criterion or frame column takes.',
          }),
          name: Type.Union([Type.String(), Type.Null()], {
            description: 'Feature name (e.g. gene symbol) where the matrix has one.',
          }),
          entities: Type.Optional(
            Type.Integer({ minimum: 0, description: 'Entities with that event or a variant in that gene.' }),
          ),
        },
        { additionalProperties: false },
      ),
      { description: 'Exact matches first, then prefixes, then substrings.' },
    ),
  },
  { additionalProperties: false },
);

type FeatureQuery = { modality: string; q: string; limit?: string };

/** Feature search for pickers: type-ahead over genes, probes, event names. */
export function featureRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  app.get<{ Params: ProductPath; Querystring: FeatureQuery }>(
    '/api/v1/products/:productId/features',
    {
      schema: {
        operationId: 'searchFeatures',
        summary: 'Search the features of a modality (genes, probes, event names) by name',
        tags: ['cohorts'],
        params: ProductPathSchema,
        querystring: FeatureQuerySchema,
        response: { 200: FeatureHitsSchema, ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const { modality, q, limit } = request.query;
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see');
      const count = Number(limit ?? '20');
      if (count < 1 || count > 100)
        throw new InputError(`limit is from 1 to 100, found ${limit}`, [
          { at: 'limit', message: 'out of range', found: limit },
        ]);
      const features = await product.searchFeatures(modality, q, count);
      return { modality, features };
    },
  );
}
