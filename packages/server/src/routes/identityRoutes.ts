import { InputError, NotFoundError, UnauthenticatedError } from '@plexus/spec';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenScope } from '../control/ControlStore.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { assertScopesHeld, tokenExpiry } from './tokenIssuing.ts';
import { CreatedTokenSchema, NewTokenSchema, ScopeSchema, TokenSchema } from './tokenSchemas.ts';

const MeSchema = Type.Object(
  {
    via: Type.Union([
      Type.Literal('anonymous'),
      Type.Literal('token'),
      Type.Literal('sso'),
      Type.Literal('node'),
    ]),
    node: Type.Optional(
      Type.Object(
        { id: Type.String({ description: 'The node of the mesh that calls for the user.' }) },
        { additionalProperties: false },
      ),
    ),
    user: Type.Union([
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          email: Type.Union([Type.String(), Type.Null()]),
          admin: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    groups: Type.Array(
      Type.Object(
        { id: Type.String(), name: Type.String(), external: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
    scopes: Type.Optional(
      Type.Array(ScopeSchema, { description: 'The scopes of the token used, when one was.' }),
    ),
  },
  { additionalProperties: false },
);

function signedIn(request: FastifyRequest): { userId: string } {
  const userId = request.caller.userId;
  if (userId === undefined) throw new UnauthenticatedError('sign in or present an API token first');
  return { userId };
}

/** Who the caller is, and their personal API tokens. */
export function identityRoutes(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  const { store } = gatekeeper;

  app.get(
    '/api/v1/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'Who the caller is: user, groups and, for a token, its scopes',
        tags: ['identity'],
        response: { 200: MeSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const { caller } = request;
      const groups = caller.userId === undefined ? [] : await store.groupsOfUser(caller.userId);
      return {
        via: caller.via,
        user: caller.user
          ? { id: caller.user.id, name: caller.user.name, email: caller.user.email, admin: caller.user.admin }
          : null,
        groups: groups.map((group) => ({ id: group.id, name: group.name, external: group.external })),
        ...(caller.node ? { node: { id: caller.node.id } } : {}),
        ...(caller.scopes ? { scopes: [...caller.scopes] } : {}),
      };
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        operationId: 'listTokens',
        summary: "The caller's personal API tokens (never their secrets)",
        tags: ['identity'],
        response: {
          200: Type.Object({ tokens: Type.Array(TokenSchema) }, { additionalProperties: false }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ tokens: await store.listTokens(signedIn(request).userId) }),
  );

  app.post<{ Body: { name: string; scopes: TokenScope[]; expiresInDays?: number } }>(
    '/api/v1/tokens',
    {
      schema: {
        operationId: 'createToken',
        summary: 'Create a personal API token; its secret is in this answer and nowhere else',
        tags: ['identity'],
        body: NewTokenSchema,
        response: {
          201: CreatedTokenSchema,
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { userId } = signedIn(request);
      const { name, scopes, expiresInDays } = request.body;
      assertScopesHeld(request, scopes);
      const created = await store.createToken({
        userId,
        name,
        scopes,
        expiresAt: tokenExpiry(expiresInDays),
      });
      return reply.code(201).send({ token: created.token, secret: created.presented });
    },
  );

  app.post<{ Params: { tokenId: string } }>(
    '/api/v1/tokens/:tokenId/revoke',
    {
      schema: {
        operationId: 'revokeToken',
        summary: 'Revoke a personal API token: refused from the next request on',
        tags: ['identity'],
        params: Type.Object({ tokenId: Type.String() }),
        response: {
          200: Type.Object({ token: TokenSchema }, { additionalProperties: false }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => {
      const { userId } = signedIn(request);
      const token = await store.findToken(request.params.tokenId);
      // Another user's token is answered as missing: token ids of others are none of the caller's business.
      if (!token || (token.userId !== userId && !request.caller.admin))
        throw new NotFoundError(`no token ${request.params.tokenId} of yours`, [
          { at: 'tokenId', message: 'no such token' },
        ]);
      await store.revokeToken(token.id);
      const revoked = (await store.listTokens(token.userId)).find((candidate) => candidate.id === token.id);
      if (!revoked) throw new InputError('the token vanished while being revoked');
      return { token: revoked };
    },
  );
}
