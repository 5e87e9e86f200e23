import { describe, expect, it } from 'vitest';
import { differingStatistics, tableView } from './blocks.ts';
import { provenanceView } from './provenance.ts';
import type { ResultDocumentView } from './ResultViewProps.ts';

function result(blocks: ResultDocumentView['blocks']): ResultDocumentView {
  return { apiVersion: 'plexus/v1', kind: 'Result', title: 't', blocks, provenance: {} };
}

describe('differingStatistics', () => {
  it('finds changed, added and removed statistics', () => {
    const left = result([
      { id: 'same', type: 'statistic', name: 'n', value: 1, p: 0.5 },
      { id: 'changed', type: 'statistic', name: 'x', value: 1, p: 0.5 },
      { id: 'gone', type: 'statistic', name: 'y', value: 2 },
      { id: 'text', type: 'markdown', text: 'a' },
    ]);
    const right = result([
      { id: 'same', type: 'statistic', name: 'n', value: 1, p: 0.5 },
      { id: 'changed', type: 'statistic', name: 'x', value: 1, p: 0.4 },
      { id: 'new', type: 'statistic', name: 'z', value: 3 },
      { id: 'text', type: 'markdown', text: 'b' },
    ]);
    expect([...differingStatistics(left, right)].sort()).toEqual(['changed', 'gone', 'new']);
  });
});

describe('tableView', () => {
  it('reads columns and rows, treating odd cells as missing', () => {
    const view = tableView({
      id: 't',
      type: 'table',
      columns: [{ id: 'a', label: 'A', type: 'number', unit: 'days' }],
      rows: [[1], [{}]],
    });
    expect(view.columns).toEqual([{ id: 'a', label: 'A', type: 'number', unit: 'days' }]);
    expect(view.rows).toEqual([[1], [null]]);
  });
});

describe('provenanceView', () => {
  it('flattens the provenance and its calls', () => {
    const view = provenanceView({
      product: { id: 'p', version: '1.0.0' },
      dataVersion: 'd1',
      gitCommit: null,
      protocol: { id: 'km', version: '1.0.0' },
      plugin: { module: 'plugins/a.ts', export: 'a', sha256: 'f'.repeat(64) },
      engineVersion: '0.1.0',
      parameters: { cohort: {} },
      calls: [
        {
          kind: 'run',
          node: null,
          product: { id: 'q', version: '2.0.0' },
          protocol: { id: 'x' },
          dataVersion: 'd2',
        },
        {
          kind: 'cohort-count',
          node: 'https://n2',
          product: { id: 'r' },
          error: { code: 'TIMEOUT', message: 'late' },
        },
      ],
    });
    expect(view).toMatchObject({
      product: 'p',
      gitCommit: undefined,
      protocol: 'km',
      pluginSha256: 'f'.repeat(64),
    });
    expect(view.calls).toEqual([
      expect.objectContaining({ node: 'this node', product: 'q', productVersion: '2.0.0', protocol: 'x' }),
      expect.objectContaining({ node: 'https://n2', product: 'r', error: 'TIMEOUT: late' }),
    ]);
  });
});
