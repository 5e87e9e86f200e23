import { Type } from '@sinclair/typebox';
import { TOKEN_SCOPES } from '../control/ControlStore.ts';

export const ScopeSchema = Type.Union(
  TOKEN_SCOPES.map((scope) => Type.Literal(scope)),
  {
    description:
      'read: metadata and counts; run: protocols; export: row-level downloads; admin: manage access.',
  },
);

export const TokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    scopes: Type.Array(ScopeSchema),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, description: 'A personal API token, never with its secret.' },
);

export const NewTokenSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'What the token is for, e.g. "laptop R session".',
    }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true }),
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3650,
        description: 'Default 90; tokens that never expire are not offered.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedTokenSchema = Type.Object(
  {
    token: TokenSchema,
    secret: Type.String({
      description: 'The whole token to present as "Authorization: Bearer …". Shown once.',
    }),
  },
  { additionalProperties: false },
);
