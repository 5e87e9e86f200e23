import { ConflictError, NotAllowedError, NotFoundError } from '@plexus/spec';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { UserSchema, userView } from './accessSchemas.ts';
import { requireAdmin } from './callerChecks.ts';
import { assertScopesHeld, tokenExpiry } from './tokenIssuing.ts';
import { CreatedTokenSchema, NewTokenSchema } from './tokenSchemas.ts';

const NewLocalUserSchema = Type.Object(
  {
    username: Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{0,63}$',
      description:
        'Unique on the node: lower-case letters, digits, dot, dash, underscore, e.g. "a.lovelace".',
    }),
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The name people see, e.g. "Ada Lovelace".',
    }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);

const MANAGES = 'create local accounts and their tokens';

/**
 * Local accounts, for a node without single sign-on (the embedded default): an administrator creates
 * the account and hands its first API token to the person, who can make further tokens of their own.
 * Users of the identity provider are never given tokens this way — they sign in and create their own.
 */
export function localAccountRoutes(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  const { store } = gatekeeper;

  app.post<{ Body: Static<typeof NewLocalUserSchema> }>(
    '/api/v1/users',
    {
      schema: {
        operationId: 'createLocalUser',
        summary: 'Create a local account, for nodes without single sign-on (administrators)',
        tags: ['access'],
        body: NewLocalUserSchema,
        response: { 201: UserSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      requireAdmin(request, MANAGES);
      const { username, name, email } = request.body;
      const subject = `local:${username}`;
      const existing = await store.findUserBySubject(subject, null);
      if (existing)
        throw new ConflictError(`there is a local account ${username} already (user ${existing.id})`, [
          { at: 'username', message: 'taken', found: username },
        ]);
      const user = await store.upsertUserFromIdentity({ subject, issuer: null, name, email: email ?? null });
      return reply.code(201).send(userView(user));
    },
  );

  app.post<{ Params: { userId: string }; Body: Static<typeof NewTokenSchema> }>(
    '/api/v1/users/:userId/tokens',
    {
      schema: {
        operationId: 'createTokenForLocalUser',
        summary: 'Create an API token for a local account, to hand to its user (administrators)',
        tags: ['access'],
        params: Type.Object({ userId: Type.String() }),
        body: NewTokenSchema,
        response: { 201: CreatedTokenSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      requireAdmin(request, MANAGES);
      const user = await store.getUser(request.params.userId);
      if (!user)
        throw new NotFoundError(`there is no user ${request.params.userId} on this node`, [
          { at: 'userId', message: 'no such user', found: request.params.userId },
        ]);
      if (user.issuer !== null)
        throw new NotAllowedError(
          `${user.name} signs in through the identity provider and creates their own tokens after signing in`,
        );
      const { name, scopes, expiresInDays } = request.body;
      assertScopesHeld(request, scopes);
      const created = await store.createToken({
        userId: user.id,
        name,
        scopes,
        expiresAt: tokenExpiry(expiresInDays),
      });
      return reply.code(201).send({ token: created.token, secret: created.presented });
    },
  );
}
