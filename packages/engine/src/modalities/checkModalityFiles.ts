import type { Mapping, Problem } from '@plexus/spec';
import { problemAt } from '../load/problemAt.ts';
import { resolveInsideProduct } from '../load/resolveInsideProduct.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';
import { matrixFileFormat, readMatrixLayout } from './matrixFile.ts';

/** Checks the files modalities read directly (matrix files, VCFs): inside the product, present, readable. */
export async function checkModalityFiles(
  productDir: string,
  mapping: Mapping,
  file: YamlFile,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, modality] of (mapping.modalities ?? []).entries()) {
    const target =
      modality.kind === 'matrix' && modality.wide
        ? { key: 'wide', path: modality.wide.path }
        : modality.kind === 'variants' && modality.vcf
          ? { key: 'vcf', path: modality.vcf.path }
          : undefined;
    if (!target) continue;
    const at = ['modalities', index, target.key, 'path'];
    const located = await resolveInsideProduct(productDir, target.path);
    if ('outside' in located) {
      problems.push(
        problemAt(
          file,
          at,
          'invalid-value',
          `modality '${modality.id}': ${target.path} is outside the product folder; copy the file into it`,
        ),
      );
      continue;
    }
    if ('missing' in located) {
      problems.push(
        problemAt(file, at, 'file-missing', `modality '${modality.id}': file ${target.path} does not exist`),
      );
      continue;
    }
    if (modality.kind === 'matrix' && modality.wide) {
      try {
        await readMatrixLayout(located.path, matrixFileFormat(modality.wide));
      } catch (error) {
        problems.push(
          problemAt(
            file,
            at,
            'bad-matrix',
            `modality '${modality.id}': cannot read ${target.path}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    }
  }
  return problems;
}
