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
    gitCommit: Type.Union([Type.String(), Type.Null()]),
    builtAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ProductDescriptor', additionalProperties: false },
);
