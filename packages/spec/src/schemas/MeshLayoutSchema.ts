import { type Static, Type } from '@sinclair/typebox';
import { ApiVersionSchema } from './common.ts';

/**
 * A mesh on one machine, for demonstrations and development: which nodes to start on which loopback
 * ports and which product folders each serves. `plexus mesh up <file>` writes each node's mesh
 * configuration (all nodes trusting each other) and starts them as separate processes.
 */
export const MeshLayoutSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: ApiVersionSchema,
    kind: Type.Literal('MeshLayout'),
    description: Type.Optional(Type.String()),
    tour: Type.Optional(
      Type.Array(Type.String(), {
        description:
          'Commands to try, printed once the mesh is up; {token} stands for the administrator token.',
      }),
    ),
    nodes: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$', description: 'The node id in the mesh.' }),
          port: Type.Integer({ minimum: 1, maximum: 65535 }),
          catalog: Type.Optional(Type.Boolean({ description: "This node is the mesh's catalog." })),
          products: Type.Array(Type.String({ minLength: 1 }), {
            minItems: 1,
            description: 'Product folders (or folders of product folders), relative to this file.',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  {
    $id: 'https://plexus.dev/schemas/v1/mesh-layout.schema.json',
    title: 'Plexus mesh layout',
    description: 'Nodes to start together on one machine (plexus mesh up).',
    additionalProperties: false,
  },
);

export type MeshLayout = Static<typeof MeshLayoutSchema>;
