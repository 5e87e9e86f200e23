import { OwnerSchema } from '@plexus/spec';
import { Type } from '@sinclair/typebox';

/** The entity (grain) of a product and how many there are; shared by descriptors and model views. */
export const EntityCountSchema = Type.Object(
  {
    singular: Type.String({ description: 'What one row is, e.g. patient.' }),
    plural: Type.String(),
    count: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** Mirrors `ProductDescriptor` of @plexus/runtime: what a catalog shows about a product. */
export const ProductDescriptorSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    version: Type.String({ description: 'Semantic version of the product.' }),
    description: Type.String({ description: 'Markdown.' }),
    domain: Type.String(),
    owners: Type.Array(OwnerSchema),
    tags: Type.Array(Type.String()),
    entity: EntityCountSchema,
    dataVersion: Type.String({ description: 'Id of the snapshot the product serves.' }),
    tests: Type.Optional(
      Type.Object(
        {
          status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('none')], {
            description: 'none: the product has no tests.',
          }),
          cases: Type.Integer({ minimum: 0 }),
          passed: Type.Integer({ minimum: 0 }),
          failed: Type.Integer({ minimum: 0 }),
          errors: Type.Integer({ minimum: 0 }),
          skipped: Type.Optional(
            Type.Integer({
              minimum: 0,
              description:
                'Cases not judged: a product their protocol asks (ctx.mesh) is not on this node when the tests run.',
            }),
          ),
          untestedProtocols: Type.Array(Type.String(), { description: 'Protocols no test case runs.' }),
          failures: Type.Array(Type.String(), { description: 'The first failures, one line each.' }),
          checkedAt: Type.String({ format: 'date-time' }),
          overridden: Type.Optional(
            Type.Boolean({
              description: 'Served although its tests fail: the node was started with the override.',
            }),
          ),
        },
        {
          additionalProperties: false,
          description:
            "How this version fared in the product's own tests (tests/*.yaml), run by the node before serving it.",
        },
      ),
    ),
    definitionHash: Type.String({
      description:
        "sha256 (16 hex digits) of the product's definition files: changes whenever protocols or plugins do.",
    }),
    gitCommit: Type.Union([Type.String(), Type.Null()]),
    builtAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ProductDescriptor', additionalProperties: false },
);
