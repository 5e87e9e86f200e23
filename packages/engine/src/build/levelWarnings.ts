import type { Problem } from '@plexus/spec';
import { problemAt } from '../load/problemAt.ts';
import type { ModelAttributeDefinition } from '../model/EntityModel.ts';
import type { ManifestAttribute } from '../snapshot/Manifest.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';

/**
 * Declared category levels that the data does not match: a value missing from `levels` (often a
 * spelling difference) or a declared level that never occurs. Warnings: the build goes on.
 */
export function levelWarnings(
  declared: readonly ModelAttributeDefinition[],
  built: readonly ManifestAttribute[],
  file: YamlFile,
): Problem[] {
  const problems: Problem[] = [];
  for (const definition of declared) {
    if (definition.type !== 'category' || !definition.levels) continue;
    const counts = built.find((attribute) => attribute.id === definition.id)?.summary.levels ?? [];
    const undeclared = counts
      .filter((level) => !definition.levels?.includes(level.value))
      .map((level) => `'${level.value}'`);
    const unseen = counts
      .filter((level) => definition.levels?.includes(level.value) && level.count === 0)
      .map((level) => `'${level.value}'`);
    const at = ['attributes', definition.index];
    if (undeclared.length > 0) {
      problems.push(
        problemAt(
          file,
          at,
          'invalid-value',
          `attribute '${definition.id}' has values not among its levels: ${undeclared.join(', ')} (listed after the declared ones)`,
          {
            severity: 'warning',
          },
        ),
      );
    }
    if (unseen.length > 0) {
      problems.push(
        problemAt(
          file,
          at,
          'invalid-value',
          `attribute '${definition.id}': declared level${unseen.length > 1 ? 's' : ''} ${unseen.join(', ')} never occur${unseen.length > 1 ? '' : 's'} in the data`,
          {
            severity: 'warning',
          },
        ),
      );
    }
  }
  return problems;
}
