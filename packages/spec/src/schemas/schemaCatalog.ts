import type { TSchema } from '@sinclair/typebox';
import { CohortSchema } from './CohortSchema.ts';
import { ContractSchema } from './ContractSchema.ts';
import { MappingSchema } from './MappingSchema.ts';
import { MeshConfigSchema } from './MeshConfigSchema.ts';
import { MeshLayoutSchema } from './MeshLayoutSchema.ts';
import { ProductSchema } from './ProductSchema.ts';
import { ProductTestSchema } from './ProductTestSchema.ts';
import { ProtocolSchema } from './ProtocolSchema.ts';
import { ResultDocumentSchema } from './ResultDocumentSchema.ts';
import { RunSchema } from './RunSchema.ts';
import { SiteAggregatesSchema } from './SiteAggregatesSchema.ts';

/** Every document kind with its exported file name under schemas/. */
export const schemaCatalog: ReadonlyArray<{ file: string; schema: TSchema }> = [
  { file: 'product.schema.json', schema: ProductSchema },
  { file: 'mapping.schema.json', schema: MappingSchema },
  { file: 'protocol.schema.json', schema: ProtocolSchema },
  { file: 'cohort.schema.json', schema: CohortSchema },
  { file: 'result.schema.json', schema: ResultDocumentSchema },
  { file: 'run.schema.json', schema: RunSchema },
  { file: 'contract.schema.json', schema: ContractSchema },
  { file: 'product-test.schema.json', schema: ProductTestSchema },
  { file: 'mesh.schema.json', schema: MeshConfigSchema },
  { file: 'mesh-layout.schema.json', schema: MeshLayoutSchema },
  { file: 'site-aggregates.schema.json', schema: SiteAggregatesSchema },
];

/** A schema as a standalone JSON Schema (draft-07) document: TypeBox's symbols stripped, $schema added. */
export function toJsonSchemaDocument(schema: TSchema): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...plain };
}
