import type { ProductRegistry } from '@plexus/runtime';
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
