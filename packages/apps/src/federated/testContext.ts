import type { Frame, FrameColumn, ManifestAttribute, ManifestEndpoint } from '@plexus/engine';
import { type PluginContext, unreachableMesh } from '@plexus/runtime';

/** A product held in memory for tests: its model and the columns of every entity (cohort ignored). */
export interface TestProduct {
  id: string;
  attributes: ManifestAttribute[];
  endpoints: ManifestEndpoint[];
  columns: Record<string, FrameColumn>;
  length: number;
}

/** A PluginContext double whose frame() serves the requested columns of a TestProduct. */
export function testContext(product: TestProduct, params: Record<string, unknown>): PluginContext {
  return {
    params,
    progress: () => {},
    mesh: unreachableMesh,
    product: {
      id: product.id,
      version: '1.0.0',
      title: product.id,
      entity: { singular: 'patient', plural: 'patients' },
    },
    model: {
      attributes: product.attributes,
      endpoints: product.endpoints,
      modalities: [],
      entityCount: product.length,
    },
    frame: async (request): Promise<Frame> => {
      const columns: Record<string, FrameColumn> = {};
      for (const id of request.columns) {
        const column = product.columns[id];
        if (!column) throw new Error(`no column ${id} in ${product.id}`);
        columns[id] = column;
      }
      return {
        ids: Array.from({ length: product.length }, (_, i) => `P${String(i).padStart(4, '0')}`),
        length: product.length,
        columns,
      };
    },
    matrix: async () => {
      throw new Error('no matrix in these tests');
    },
    events: async () => {
      throw new Error('no events in these tests');
    },
    sql: async () => {
      throw new Error('no SQL in these tests');
    },
  };
}

/** A category attribute of the model. */
export function categoryAttribute(id: string, label: string, levels: string[]): ManifestAttribute {
  return { id, label, type: 'category', levels, summary: { count: 0, missing: 0 } };
}

/** A numeric attribute of the model. */
export function numberAttribute(id: string, label: string, unit?: string): ManifestAttribute {
  return { id, label, type: 'integer', ...(unit ? { unit } : {}), summary: { count: 0, missing: 0 } };
}

/** A category column from labels (null = missing) and the model's levels. */
export function categoryColumn(labels: Array<string | null>, levels: string[]): FrameColumn {
  return {
    type: 'category',
    levels,
    codes: Int32Array.from(labels, (label) => (label === null ? -1 : levels.indexOf(label))),
  };
}
