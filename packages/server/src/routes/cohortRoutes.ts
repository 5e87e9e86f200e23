import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';
import { findProduct } from './findProduct.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const CohortCountRequestSchema = Type.Object(
  {
    cohort: Type.Optional(
      Type.Unknown({
        description:
          'Cohort definition: {} for every entity, or {"all": [{"attribute", "op", "value" | "values"}, …]}. Each protocol lists the exact schema for its product under its cohort parameter.',
      }),
    ),
  },
  { additionalProperties: false },
);

const CohortCountResponseSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    entity: Type.Object({ singular: Type.String(), plural: Type.String() }, { additionalProperties: false }),
    attrition: Type.Array(
      Type.Object(
        {
          step: Type.Integer({ minimum: 0 }),
          criterion: Type.String({ description: 'The criterion added at this step, as people read it.' }),
          count: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { description: 'Entities left after each criterion in turn; step 0 is every entity.' },
    ),
  },
  { additionalProperties: false, description: 'The size of a cohort and its attrition table.' },
);

export function cohortRoutes(app: FastifyInstance, registry: ProductRegistry): void {
  app.post<{ Params: ProductPath; Body: { cohort?: unknown } | undefined }>(
    '/api/v1/products/:productId/cohorts/count',
    {
      schema: {
        operationId: 'countCohort',
        summary: 'Count the entities of a cohort, with the attrition after each criterion',
        tags: ['cohorts'],
        params: ProductPathSchema,
        body: CohortCountRequestSchema,
        response: { 200: CohortCountResponseSchema, ...errorResponses(400, 403, 404, 413, 415) },
      },
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request) =>
      findProduct(registry, request.params.productId).countCohort(request.body?.cohort ?? {}),
  );
}
