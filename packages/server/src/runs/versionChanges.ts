import type { RunRecord } from '../control/ControlStore.ts';

export interface VersionChange {
  name:
    | 'productVersion'
    | 'definitionHash'
    | 'gitCommit'
    | 'dataVersion'
    | 'engineVersion'
    | 'protocolVersion'
    | 'pluginSha256';
  from: string | null;
  to: string | null;
}

const NAMES: ReadonlyArray<VersionChange['name']> = [
  'productVersion',
  'definitionHash',
  'gitCommit',
  'dataVersion',
  'engineVersion',
  'protocolVersion',
  'pluginSha256',
];

/** Which of the versions a result depends on differ between two runs, in a fixed order. */
export function versionChanges(from: RunRecord, to: RunRecord): VersionChange[] {
  return NAMES.filter((name) => from[name] !== to[name]).map((name) => ({
    name,
    from: from[name],
    to: to[name],
  }));
}
