import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * Generates the OpenAPI 3.1 document from the route schemas (so it cannot drift from what is validated
 * and serialized) and serves it. Must be awaited before any route is added: swagger collects routes as
 * they are declared.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plexus node API',
        version,
        description:
          'The HTTP API of a Plexus node: the data products it serves, their models and protocols, and runs. ' +
          'Every error has the same body: `{ error: { code, message, details } }`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'This node' }],
      components: {
        securitySchemes: {
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'tok_<id>.<secret>',
            description: 'A personal API token of this node, created by its owner and shown once.',
          },
          identityProvider: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              "An access token of the node's identity provider (single sign-on), verified against its published keys.",
          },
        },
      },
      // Every route takes either token, or none: anonymous callers see public products as their
      // product.yaml allows; what a caller may do is decided per product, answered 403 or 404.
      security: [{}, { apiToken: [] }, { identityProvider: [] }],
      tags: [
        { name: 'node', description: 'The node itself: health and this document.' },
        { name: 'products', description: 'Data products and their models.' },
        { name: 'protocols', description: 'The analysis apps of a product: its data contract.' },
        { name: 'runs', description: 'Executions of protocols, with their result documents.' },
        {
          name: 'cohorts',
          description: 'Cohort counts with attrition, and feature search for cohort builders.',
        },
      ],
    },
    // Shared schemas become components named by their `$id` instead of the default `def-0`, `def-1`...
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  app.get(
    OPENAPI_PATH,
    {
      schema: {
        operationId: 'getOpenApi',
        summary: 'This OpenAPI 3.1 document',
        tags: ['node'],
        response: {
          200: Type.Object({}, { additionalProperties: true, description: 'An OpenAPI 3.1 document.' }),
          ...errorResponses(),
        },
      },
    },
    async () => app.swagger(),
  );
}
