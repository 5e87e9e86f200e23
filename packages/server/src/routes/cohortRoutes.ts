import type { ProductRegistry } from '@plexus/runtime';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorizeProduct } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const CohortCountRequestSchema = Type.Object(
  {
    cohort: Type.Optional(
      Type.Unknown({
        description:
          'Cohort definition (cohort.schema.json): {} for every entity, or a tree of all / any / not / atLeast+of over criteria on attributes, endpoints, events, matrix features and variants, e.g. {"all": [{"attribute": "age", "op": "gte", "value": 65}, {"matrix": "expression", "feature": "EGFR", "percentile": {"above": 75}}]}.',
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
          criterion: Type.String({
            description: 'The criterion added at this step, as people read it.',
          }),
          count: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      {
        description:
          'Entities left after each top-level criterion of an all, in turn (or after the whole cohort otherwise); step 0 is every entity.',
      },
    ),
    product: Type.Object(
      { id: Type.String(), version: Type.String() },
      { additionalProperties: false, description: 'The product counted, at its version.' },
    ),
    dataVersion: Type.String({ description: 'The snapshot counted.' }),
  },
  { additionalProperties: false, description: 'The size of a cohort and its attrition table.' },
);

export function cohortRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
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
      (await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'count')).countCohort(
        request.body?.cohort ?? {},
      ),
  );
}
