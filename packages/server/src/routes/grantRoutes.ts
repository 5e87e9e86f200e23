import type { ProductRegistry } from '@plexus/runtime';
import { NotFoundError } from '@plexus/spec';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../control/ControlStore.ts';
import { authorizeProduct } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { PrincipalSchema, RoleSchema } from './accessSchemas.ts';
import { type ProductPath, ProductPathSchema } from './pathParams.ts';

const AccessSchema = Type.Object(
  {
    visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    owners: Type.Array(PrincipalSchema),
    grants: Type.Array(
      Type.Object(
        {
          principal: PrincipalSchema,
          role: RoleSchema,
          grantedBy: Type.String(),
          grantedAt: Type.String({ format: 'date-time' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'Who may see and use the product.' },
);

const GrantBodySchema = Type.Object(
  { principal: PrincipalSchema, role: RoleSchema },
  { additionalProperties: false },
);
const RevokeBodySchema = Type.Object({ principal: PrincipalSchema }, { additionalProperties: false });
const RestrictionBodySchema = Type.Object(
  {
    groupIds: Type.Union([Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }), Type.Null()], {
      description:
        'The groups whose members may run the protocol; [] leaves it to the owners; null lifts the restriction.',
    }),
  },
  { additionalProperties: false },
);

const VisibilityBodySchema = Type.Object(
  { visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]) },
  { additionalProperties: false },
);

/** Owners (and only owners) manage who may use their product: grants, visibility. */
export function grantRoutes(app: FastifyInstance, registry: ProductRegistry, gatekeeper: Gatekeeper): void {
  const { store } = gatekeeper;

  const accessOf = async (productId: string) => {
    const product = registry.get(productId);
    const stored = await store.getProductAccess(productId);
    const grants = await store.listGrantsForProduct(productId);
    return {
      visibility: stored?.visibility ?? product?.accessDefaults().visibility ?? 'private',
      owners: stored?.owners ?? [],
      grants: grants.map(({ principal, role, grantedBy, grantedAt }) => ({
        principal,
        role,
        grantedBy,
        grantedAt,
      })),
    };
  };

  // A grant to nobody is a mistake worth a clear answer, not a row that matches no one.
  const checkPrincipal = async (principal: Principal) => {
    const exists =
      principal.kind === 'user'
        ? (await store.getUser(principal.id)) !== null
        : (await store.listGroups()).some((group) => group.id === principal.id);
    if (!exists)
      throw new NotFoundError(`there is no ${principal.kind} ${principal.id} on this node`, [
        { at: 'principal.id', message: `no such ${principal.kind}`, found: principal.id },
      ]);
  };

  app.get<{ Params: ProductPath }>(
    '/api/v1/products/:productId/grants',
    {
      schema: {
        operationId: 'getAccess',
        summary: "A product's visibility, owners and grants (for its owners)",
        tags: ['access'],
        params: ProductPathSchema,
        response: { 200: AccessSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await authorizeProduct(gatekeeper, registry, request, request.params.productId, 'manage');
      return accessOf(request.params.productId);
    },
  );

  app.post<{ Params: ProductPath; Body: Static<typeof GrantBodySchema> }>(
    '/api/v1/products/:productId/grants',
    {
      schema: {
        operationId: 'grantRole',
        summary: 'Give a user or group a role on the product (replacing the role they had)',
        tags: ['access'],
        params: ProductPathSchema,
        body: GrantBodySchema,
        response: { 200: AccessSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params;
      await authorizeProduct(gatekeeper, registry, request, productId, 'manage');
      await checkPrincipal(request.body.principal);
      await store.grant({
        productId,
        principal: request.body.principal,
        role: request.body.role,
        grantedBy: request.caller.userId ?? 'unknown',
      });
      return accessOf(productId);
    },
  );

  app.post<{ Params: ProductPath; Body: Static<typeof RevokeBodySchema> }>(
    '/api/v1/products/:productId/grants/revoke',
    {
      schema: {
        operationId: 'revokeRole',
        summary: "Take a user's or group's role on the product away",
        tags: ['access'],
        params: ProductPathSchema,
        body: RevokeBodySchema,
        response: { 200: AccessSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params;
      await authorizeProduct(gatekeeper, registry, request, productId, 'manage');
      if (!(await store.revokeGrant(productId, request.body.principal)))
        throw new NotFoundError(
          `${request.body.principal.kind} ${request.body.principal.id} has no role on ${productId}`,
        );
      return accessOf(productId);
    },
  );

  app.post<{ Params: ProductPath; Body: Static<typeof VisibilityBodySchema> }>(
    '/api/v1/products/:productId/visibility',
    {
      schema: {
        operationId: 'setVisibility',
        summary: 'Make the product public or private',
        tags: ['access'],
        params: ProductPathSchema,
        body: VisibilityBodySchema,
        response: { 200: AccessSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params;
      await authorizeProduct(gatekeeper, registry, request, productId, 'manage');
      const current = await accessOf(productId);
      await store.setProductAccess({
        productId,
        visibility: request.body.visibility,
        owners: current.owners,
      });
      return accessOf(productId);
    },
  );

  app.post<{ Params: ProductPath & { protocolId: string }; Body: Static<typeof RestrictionBodySchema> }>(
    '/api/v1/products/:productId/protocols/:protocolId/restriction',
    {
      schema: {
        operationId: 'restrictProtocol',
        summary: 'Let only members of these groups (and the owners) run a protocol; groupIds null lifts it',
        tags: ['access'],
        params: Type.Object({ productId: Type.String(), protocolId: Type.String() }),
        body: RestrictionBodySchema,
        response: {
          200: Type.Object(
            { protocolId: Type.String(), groupIds: Type.Union([Type.Array(Type.String()), Type.Null()]) },
            { additionalProperties: false },
          ),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { productId, protocolId } = request.params;
      const product = await authorizeProduct(gatekeeper, registry, request, productId, 'manage');
      if (!product.protocols().some((protocol) => protocol.id === protocolId))
        throw new NotFoundError(`product ${productId} has no protocol ${protocolId}`);
      const { groupIds } = request.body;
      for (const groupId of groupIds ?? []) await checkPrincipal({ kind: 'group', id: groupId });
      await store.restrictProtocol(productId, protocolId, groupIds);
      return { protocolId, groupIds };
    },
  );
}
