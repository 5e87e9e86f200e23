import { jwks, type NodeKeyStore } from '@plexus/mesh';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../schemas/errorResponses.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

/** How long others may keep the key set: as long as the verifiers of the mesh cache it by default. */
const MAX_AGE_SECONDS = 300;

const JwkSchema = Type.Object(
  {
    kty: Type.Literal('OKP'),
    crv: Type.Literal('Ed25519'),
    x: Type.String({ description: 'The public key, base64url.' }),
    kid: Type.String({ description: 'RFC 7638 thumbprint of the key: the `kid` of the tokens it signs.' }),
    alg: Type.Literal('EdDSA'),
    use: Type.Literal('sig'),
  },
  { additionalProperties: false },
);

const JwksSchema = Type.Object(
  {
    keys: Type.Array(JwkSchema, {
      description: 'The current key first; during a rotation the previous one after it.',
    }),
  },
  { additionalProperties: false, description: "The node's public signing keys (RFC 7517 key set)." },
);

/**
 * `GET /.well-known/jwks.json`: the public keys with which the other nodes of the mesh check this
 * node's tokens. Public and cacheable; never any private part (`jwks` copies public members only).
 */
export function jwksRoute(app: FastifyInstance, keys: NodeKeyStore): void {
  const body = jwks(keys);
  app.get(
    JWKS_PATH,
    {
      schema: {
        operationId: 'getNodeKeys',
        summary: "This node's public keys, with which other nodes of the mesh check its calls",
        tags: ['node'],
        security: [{}],
        response: { 200: JwksSchema, ...errorResponses() },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`);
      return body;
    },
  );
}
