import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Mapping } from '@plexus/spec';
import { ENGINE_VERSION } from '../engineVersion.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { canonicalJson, sha256File, sha256Text } from './hashFile.ts';

/** Bump when the snapshot layout changes, so that old snapshots are rebuilt rather than misread. */
export const SNAPSHOT_FORMAT = 2;

export interface DataVersionPlan {
  dataVersion: string;
  mappingSha256: string;
  sources: Array<{ id: string; path: string; bytes: number; sha256: string }>;
}

export type SourceFingerprints = DataVersionPlan['sources'];

/** Path, size and sha256 of every source file; streamed, so large sources need not fit in memory. */
export function fingerprintSources(productDir: string, mapping: Mapping): Promise<SourceFingerprints> {
  // Matrix files and VCFs are read by their modality, not declared as sources: they count all the same.
  const files: Array<[string, string]> = [
    ...Object.entries(mapping.sources).map(([id, source]): [string, string] => [id, source.path]),
    ...(mapping.modalities ?? []).flatMap((modality): Array<[string, string]> => {
      if (modality.kind === 'matrix' && modality.wide)
        return [[`modality:${modality.id}`, modality.wide.path]];
      if (modality.kind === 'variants' && modality.vcf)
        return [[`modality:${modality.id}`, modality.vcf.path]];
      return [];
    }),
  ];
  return Promise.all(
    files.map(async ([id, relativePath]) => {
      const path = resolve(productDir, relativePath);
      const [sha256, info] = await Promise.all([sha256File(path), stat(path)]);
      return { id, path: relativePath, bytes: info.size, sha256 };
    }),
  );
}

/**
 * The data version is a digest of everything that determines the snapshot's content: the source
 * bytes, the mapping (parsed, so comments and formatting do not count) and the engine version. The
 * same inputs always give the same data version; any change gives a new one.
 */
export async function planDataVersion(
  definition: ProductDefinition,
  fingerprints?: Promise<SourceFingerprints>,
): Promise<DataVersionPlan> {
  const sources = await (fingerprints ?? fingerprintSources(definition.dir, definition.mapping));
  const { $schema: _editorHint, ...mapping } = definition.mapping;
  const mappingSha256 = sha256Text(canonicalJson(mapping));
  const digest = sha256Text(
    canonicalJson({ format: SNAPSHOT_FORMAT, engine: ENGINE_VERSION, mapping: mappingSha256, sources }),
  );
  return { dataVersion: digest.slice(0, 16), mappingSha256, sources };
}
