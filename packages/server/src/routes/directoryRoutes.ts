import { NotAllowedError } from '@plexus/spec';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { errorResponses } from '../schemas/errorResponses.ts';
import { UserSchema, userView } from './accessSchemas.ts';
import { requireAdmin, requireSignedIn } from './callerChecks.ts';

const GroupSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    external: Type.Boolean({ description: "true: mirrored from the identity provider's groups claim." }),
  },
  { additionalProperties: false },
);

const NewGroupSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const MemberSchema = Type.Object({ userId: Type.String({ minLength: 1 }) }, { additionalProperties: false });

const MANAGES = 'manage users and groups';

/**
 * Users and groups of the node: anyone signed in may look them up (owners need their ids to grant
 * roles); only administrators create groups and change memberships.
 */
export function directoryRoutes(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  const { store } = gatekeeper;
  const listed = { additionalProperties: false } as const;

  app.get(
    '/api/v1/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'The users of this node (ids to grant roles to)',
        tags: ['access'],
        response: { 200: Type.Object({ users: Type.Array(UserSchema) }, listed), ...errorResponses(401) },
      },
    },
    async (request) => {
      requireSignedIn(request);
      return {
        users: (await store.listUsers()).map(userView),
      };
    },
  );

  app.get(
    '/api/v1/groups',
    {
      schema: {
        operationId: 'listGroups',
        summary: 'The groups of this node, local and from the identity provider',
        tags: ['access'],
        response: { 200: Type.Object({ groups: Type.Array(GroupSchema) }, listed), ...errorResponses(401) },
      },
    },
    async (request) => {
      requireSignedIn(request);
      return { groups: (await store.listGroups()).map(({ id, name, external }) => ({ id, name, external })) };
    },
  );

  app.post<{ Body: Static<typeof NewGroupSchema> }>(
    '/api/v1/groups',
    {
      schema: {
        operationId: 'createGroup',
        summary: 'Create a local group (administrators)',
        tags: ['access'],
        body: NewGroupSchema,
        response: { 201: GroupSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      requireAdmin(request, MANAGES);
      const { id, name, external } = await store.createGroup(request.body.name);
      return reply.code(201).send({ id, name, external });
    },
  );

  app.post<{ Params: { groupId: string }; Body: Static<typeof MemberSchema> }>(
    '/api/v1/groups/:groupId/members',
    {
      schema: {
        operationId: 'addGroupMember',
        summary: 'Add a user to a local group (administrators)',
        tags: ['access'],
        params: Type.Object({ groupId: Type.String() }),
        body: MemberSchema,
        response: {
          200: Type.Object({ members: Type.Array(UserSchema) }, listed),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      requireAdmin(request, MANAGES);
      await store.addMember(request.params.groupId, request.body.userId);
      return {
        members: (await store.listMembers(request.params.groupId)).map(userView),
      };
    },
  );

  app.post<{ Params: { userId: string }; Body: { admin: boolean } }>(
    '/api/v1/users/:userId/admin',
    {
      schema: {
        operationId: 'setAdmin',
        summary: 'Make a user a node administrator, or no longer one (administrators)',
        tags: ['access'],
        params: Type.Object({ userId: Type.String() }),
        body: Type.Object({ admin: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireAdmin(request, MANAGES);
      // The last administrator cannot step down: a node without one could not be managed any more.
      if (!request.body.admin) {
        const admins = (await store.listUsers()).filter((user) => user.admin);
        if (admins.length === 1 && admins[0]?.id === request.params.userId)
          throw new NotAllowedError('this is the last node administrator: make another user one first');
      }
      return userView(await store.setAdmin(request.params.userId, request.body.admin));
    },
  );
}
