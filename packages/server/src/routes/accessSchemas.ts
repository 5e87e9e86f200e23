import { Type } from '@sinclair/typebox';
import { ROLES, type User } from '../control/ControlStore.ts';

/** A user or a group of this node: what roles and ownerships are given to. */
export const PrincipalSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('group')]),
    id: Type.String({ minLength: 1, description: 'A user id or group id of this node.' }),
  },
  { additionalProperties: false },
);

export const RoleSchema = Type.Union(
  ROLES.map((role) => Type.Literal(role)),
  {
    description:
      'viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access.',
  },
);

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    subject: Type.String(),
    issuer: Type.Union([Type.String(), Type.Null()]),
    admin: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** A user as the directory shows it: no email, nothing the store keeps for itself. */
export function userView({ id, name, subject, issuer, admin }: User) {
  return { id, name, subject, issuer, admin };
}
