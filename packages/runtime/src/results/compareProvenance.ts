import { canonicalJson } from '@plexus/engine';
import type { Provenance, ProvenanceComparison, ProvenanceField } from '@plexus/spec';

/** The versioned parts of provenance, in the order they are reported. */
const FIELDS: ReadonlyArray<[ProvenanceField, (provenance: Provenance) => string | null]> = [
  ['product.id', (provenance) => provenance.product.id],
  ['product.version', (provenance) => provenance.product.version],
  ['gitCommit', (provenance) => provenance.gitCommit],
  ['dataVersion', (provenance) => provenance.dataVersion],
  ['protocol.id', (provenance) => provenance.protocol.id],
  ['protocol.version', (provenance) => provenance.protocol.version],
  ['plugin.module', (provenance) => provenance.plugin.module],
  ['plugin.export', (provenance) => provenance.plugin.export],
  ['plugin.sha256', (provenance) => provenance.plugin.sha256],
  ['engineVersion', (provenance) => provenance.engineVersion],
];

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which versions and parameters of two results' provenance differ, from → to. */
export function compareProvenance(a: Provenance, b: Provenance): ProvenanceComparison {
  const changed = FIELDS.flatMap(([field, read]) => {
    const from = read(a) ?? null;
    const to = read(b) ?? null;
    return from === to ? [] : [{ field, from, to }];
  });
  const paramsA = a.parameters ?? {};
  const paramsB = b.parameters ?? {};
  // Sorted by code unit, not localeCompare: the same order on every machine.
  const names = [...new Set([...Object.keys(paramsA), ...Object.keys(paramsB)])].sort(byCodeUnit);
  const parameters = names.flatMap((name) => {
    const inA = Object.hasOwn(paramsA, name);
    const inB = Object.hasOwn(paramsB, name);
    if (inA && inB && canonicalJson(paramsA[name]) === canonicalJson(paramsB[name])) return [];
    return [{ name, ...(inA ? { from: paramsA[name] } : {}), ...(inB ? { to: paramsB[name] } : {}) }];
  });
  return { same: changed.length === 0 && parameters.length === 0, changed, parameters };
}
