import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema } from './common.ts';

/** A node's id is the `iss` of the tokens it signs and the `aud` of the tokens sent to it. */
export const NodeIdSchema = Type.String({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  maxLength: 63,
  description:
    'The node id: lower-case letters and digits separated by single hyphens (e.g. berlin-charite). Unique in the mesh; never reused for another node.',
});

/** An absolute http(s) URL; whether plain http is acceptable (loopback only) is checked by the loader. */
function httpUrl(description: string) {
  return Type.String({ pattern: '^https?://[^\\s/?#]+[^\\s]*$', maxLength: 2048, description });
}

export const MeshTrustedNodeSchema = Type.Object(
  {
    id: NodeIdSchema,
    url: httpUrl(
      'The base URL of the node. Its keys are fetched from <url>/.well-known/jwks.json unless jwksUrl is given. https:// except on loopback.',
    ),
    jwksUrl: Type.Optional(
      httpUrl('Where the node publishes its JWKS, when not at <url>/.well-known/jwks.json.'),
    ),
  },
  {
    additionalProperties: false,
    description: 'A node whose signed calls this node accepts (tokens with iss = id).',
  },
);

export const MeshConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('Mesh'),
    node: Type.Object(
      {
        id: NodeIdSchema,
        url: httpUrl(
          'The public base URL of this node, as other nodes reach it. https:// except on loopback (127.0.0.1, localhost, [::1]).',
        ),
      },
      { additionalProperties: false, description: 'This node: its id in the mesh and its public address.' },
    ),
    catalog: Type.Optional(
      httpUrl('The URL of the mesh catalog this node publishes its products to, if any.'),
    ),
    trust: Type.Object(
      {
        nodes: Type.Array(MeshTrustedNodeSchema, {
          description: 'The nodes whose tokens this node accepts. Any other issuer is refused.',
        }),
        issuers: Type.Array(
          Type.String({
            minLength: 1,
            maxLength: 2048,
            description:
              'An identity provider issuer, spelled exactly as in its tokens (e.g. https://sso.example.org/realms/research).',
          }),
          {
            uniqueItems: true,
            description:
              "The identity providers whose users this node recognises in calls from trusted nodes. A calling node's own local accounts are always recognised, as that node's users.",
          },
        ),
      },
      { additionalProperties: false, description: 'Whom this node believes.' },
    ),
  },
  {
    additionalProperties: false,
    description:
      'The mesh configuration of one node: who it is, and which nodes and identity providers it trusts.',
  },
);

export type MeshTrustedNode = Static<typeof MeshTrustedNodeSchema>;
export type MeshConfig = Static<typeof MeshConfigSchema>;
