import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { NotAllowedError } from '@plexus/spec';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { productNotFound } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { PrincipalSchema } from './accessSchemas.ts';
import { callerIsAdmin, requireAdmin, requireSignedIn } from './callerChecks.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const OwnersSchema = Type.Object(
  {
    productId: Type.String(),
    owners: Type.Array(PrincipalSchema, {
      description: 'The users and groups appointed owners: they manage grants and visibility.',
    }),
  },
  { additionalProperties: false },
);

const OwnersBodySchema = Type.Object(
  {
    owners: Type.Array(PrincipalSchema, {
      maxItems: 100,
      description: 'The whole new list; [] leaves the product to owners by grant alone.',
    }),
  },
  { additionalProperties: false },
);

/**
 * Appointing a product's owners is the node administrators' part: someone has to hand a newly deployed
 * product to the people responsible for it, and grants can only be given by owners. Administrators do
 * not thereby see the product's data — they could only by appointing themselves, which the audit log
 * records like every request that names a product.
 */
export function ownerRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  const { store } = gatekeeper;

  // Private products included: administrators deploy products, so their ids are no secret to them.
  const existing = (productId: string) => {
    const product = registry.get(productId);
    if (product === undefined) throw productNotFound(productId);
    return product;
  };

  const ownersOf = async (productId: string) => ({
    productId,
    owners: (await store.getProductAccess(productId))?.owners ?? [],
  });

  // Owners see who else owns the product; a caller who may not even see it gets the 404 of a product
  // that does not exist.
  const requireAdminOrOwner = async (request: FastifyRequest, product: ProductService) => {
    requireSignedIn(request);
    if (callerIsAdmin(request)) return;
    const decision = await gatekeeper.decide(request.caller, product, 'manage');
    if (decision.outcome === 'hidden') throw productNotFound(product.id);
    if (decision.outcome === 'forbidden')
      throw new NotAllowedError("only the product's owners and node administrators see its owners");
  };

  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId/owners',
    {
      schema: {
        operationId: 'getOwners',
        summary: "A product's appointed owners (for administrators and the owners)",
        tags: ['access'],
        params: ProductPathSchema,
        response: { 200: OwnersSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params;
      await requireAdminOrOwner(request, existing(productId));
      return ownersOf(productId);
    },
  );

  app.post<{ Params: ProductPath; Body: Static<typeof OwnersBodySchema> }>(
    '/api/v1/products/:productId/owners',
    {
      schema: {
        operationId: 'appointOwners',
        summary: "Replace a product's appointed owners (administrators)",
        tags: ['access'],
        params: ProductPathSchema,
        body: OwnersBodySchema,
        response: { 200: OwnersSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params;
      requireAdmin(request, "appoint a product's owners");
      const product = existing(productId);
      const stored = await store.getProductAccess(productId);
      // The store checks that every principal exists (404 naming it) and writes the list as one.
      await store.setProductAccess({
        productId,
        visibility: stored?.visibility ?? product.accessDefaults().visibility ?? 'private',
        owners: request.body.owners,
      });
      return ownersOf(productId);
    },
  );
}
