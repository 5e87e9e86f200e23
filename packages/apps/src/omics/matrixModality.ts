import type { ManifestMatrixModality } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import { didYouMean, InputError } from '@plexus/spec';

/**
 * The matrix modality a run analyses: the `modality` parameter when given, else the product's only
 * matrix modality. Protocols usually leave the parameter out, so products with one matrix need not
 * name it; with several, the caller must choose and the message lists the choices.
 */
export function matrixModality(context: PluginContext, requested: unknown): ManifestMatrixModality {
  const matrices = context.model.modalities.filter(
    (modality): modality is ManifestMatrixModality => modality.kind === 'matrix',
  );
  const ids = matrices.map((modality) => modality.id);
  if (requested !== undefined && requested !== null && requested !== '') {
    const id = String(requested);
    const found = matrices.find((modality) => modality.id === id);
    if (!found) {
      throw new InputError(
        `modality '${id}' is not a matrix modality of ${context.product.id}; choose one of: ${ids.join(', ') || 'none'}${didYouMean(id, ids)}`,
        [{ at: 'modality', message: 'not a matrix modality', found: id, allowed: ids }],
      );
    }
    return found;
  }
  const only = matrices[0];
  if (!only) {
    throw new InputError(
      `${context.product.id} has no matrix modality (such as gene expression) to analyse; add one to the mapping`,
    );
  }
  if (matrices.length > 1) {
    throw new InputError(
      `${context.product.id} has ${matrices.length} matrix modalities (${ids.join(', ')}); set the modality parameter to choose one`,
      [{ at: 'modality', message: 'required when there are several matrix modalities', allowed: ids }],
    );
  }
  return only;
}

/** The modality's unit says its values are on a log2 scale, so a difference of means is a log2 fold change. */
export function isLog2Scale(modality: ManifestMatrixModality): boolean {
  return /log\s*2|log2/i.test(modality.unit ?? '');
}
