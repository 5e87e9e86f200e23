import { buildEvents } from './buildEvents.ts';
import { buildMatrix } from './buildMatrix.ts';
import { buildVariants } from './buildVariants.ts';
import type { ModalityBuildContext, ModalityBuildResult } from './ModalityBuild.ts';

/** Builds every modality of the mapping, in order, after the entity table exists. */
export async function buildModalities(
  context: ModalityBuildContext,
  onModality?: (index: number, count: number, id: string) => void,
): Promise<ModalityBuildResult[]> {
  const modalities = context.definition.mapping.modalities ?? [];
  const results: ModalityBuildResult[] = [];
  for (const [index, modality] of modalities.entries()) {
    onModality?.(index, modalities.length, modality.id);
    if (modality.kind === 'events') results.push(await buildEvents(context, modality, index));
    else if (modality.kind === 'matrix') results.push(await buildMatrix(context, modality, index));
    else results.push(await buildVariants(context, modality, index));
  }
  return results;
}
