import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';
import { ModelViewSchema } from '../schemas/ModelViewSchema.ts';
import { ProductDescriptorSchema } from '../schemas/ProductDescriptorSchema.ts';
import { refTo } from '../schemas/refTo.ts';
import { findProduct } from './findProduct.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const ProductListSchema = Type.Object(
  { products: Type.Array(refTo(ProductDescriptorSchema)) },
  { additionalProperties: false, description: 'The products this node serves.' },
);

const ProductSchema = Type.Object(
  { product: refTo(ProductDescriptorSchema), model: refTo(ModelViewSchema) },
  { additionalProperties: false, description: 'A product and its model.' },
);

export function productRoutes(app: FastifyInstance, registry: ProductRegistry): void {
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
    async () => ({ products: registry.list().map((product) => product.descriptor()) }),
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
      const product = findProduct(registry, request.params.productId);
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
    async (request) => findProduct(registry, request.params.productId).model(),
  );
}
