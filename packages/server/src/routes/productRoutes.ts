import type { ProductRegistry } from '@plexus/runtime';
import { RunVersionsSchema } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct, visibleProducts } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { ModelViewSchema } from '../schemas/ModelViewSchema.ts';
import { ProductDescriptorSchema } from '../schemas/ProductDescriptorSchema.ts';
import { refTo } from '../schemas/refTo.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const ProductListSchema = Type.Object(
  { products: Type.Array(refTo(ProductDescriptorSchema)) },
  { additionalProperties: false, description: 'The products this node serves.' },
);

const HeldVersionsSchema = Type.Object(
  {
    current: RunVersionsSchema,
    definitions: Type.Array(
      Type.Object(
        {
          definitionHash: Type.String(),
          productVersion: Type.String(),
          gitCommit: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { description: 'Kept definitions (protocols, plugins, mapping), newest first.' },
    ),
    snapshots: Type.Array(
      Type.Object(
        { dataVersion: Type.String(), builtAt: Type.String(), entityCount: Type.Integer() },
        { additionalProperties: false },
      ),
      { description: 'Kept snapshots, newest first.' },
    ),
  },
  { additionalProperties: false },
);

const ProductSchema = Type.Object(
  { product: refTo(ProductDescriptorSchema), model: refTo(ModelViewSchema) },
  { additionalProperties: false, description: 'A product and its model.' },
);

export function productRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  app.get(
    '/api/v1/products',
    {
      schema: {
        operationId: 'listProducts',
        summary: 'List the data products this node serves',
        tags: ['products'],
        response: { 200: ProductListSchema, ...errorResponses() },
      },
    },
    async (request) => ({
      products: (await visibleProducts(gatekeeper, registry, request)).map((product) => product.descriptor()),
    }),
  );

  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId',
    {
      schema: {
        operationId: 'getProduct',
        summary: 'Describe a data product and its model (entity, attributes, endpoints)',
        tags: ['products'],
        params: ProductPathSchema,
        response: { 200: ProductSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see');
      return { product: product.descriptor(), model: product.model() };
    },
  );

  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId/versions',
    {
      schema: {
        operationId: 'getVersions',
        summary: 'The versions of a product this node keeps: runs can be re-run pinned to any of them',
        tags: ['products'],
        params: ProductPathSchema,
        response: { 200: HeldVersionsSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const product = await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see');
      return product.heldVersions
        ? product.heldVersions()
        : { current: product.versions, definitions: [], snapshots: [] };
    },
  );

  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId/model',
    {
      schema: {
        operationId: 'getModel',
        summary:
          'The model with its facets: attributes (categories with counts, quantiles and histograms), endpoints, modalities with their sizes',
        tags: ['products'],
        params: ProductPathSchema,
        response: { 200: refTo(ModelViewSchema), ...errorResponses(404) },
      },
    },
    async (request) =>
      (await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'see')).model(),
  );
}
