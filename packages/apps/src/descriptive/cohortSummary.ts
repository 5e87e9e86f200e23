import type { FrameColumn } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import type { Block, Cell, PluginOutput } from '@plexus/spec';
import { describe } from '@plexus/stats';
import { countsChart, histogramChart } from './summaryCharts.ts';

const blockId = (prefix: string, attributeId: string): string =>
  `${prefix}-${attributeId.replace(/_/g, '-')}`;

function levelCounts(column: FrameColumn): Array<{ level: string; count: number }> {
  if (column.type === 'category') {
    const counts = column.levels.map((level) => ({ level, count: 0 }));
    for (const code of column.codes) if (code >= 0 && counts[code]) counts[code].count++;
    return counts;
  }
  if (column.type === 'boolean') {
    const yes = column.values.filter((value) => value === 1).length;
    const no = column.values.filter((value) => value === 0).length;
    return [
      { level: 'true', count: yes },
      { level: 'false', count: no },
    ];
  }
  return [];
}

const round = (value: number, digits = 4): number | null =>
  Number.isFinite(value) ? Number(value.toPrecision(digits + 2)) : null;

/** How many entities a cohort holds and how every attribute is distributed in it, as tables and charts. */
export async function cohortSummary(context: PluginContext): Promise<PluginOutput> {
  const { model, product } = context;
  const columns = [
    ...model.attributes.map((attribute) => attribute.id),
    ...model.endpoints.map((endpoint) => `endpoint:${endpoint.id}`),
  ];
  const frame = await context.frame({ cohort: context.params.cohort as never, columns });
  const numericRows: Cell[][] = [];
  const categoryRows: Cell[][] = [];
  const otherRows: Cell[][] = [];
  const charts: Block[] = [];
  for (const attribute of model.attributes) {
    const column = frame.columns[attribute.id];
    if (!column) continue;
    if (column.type === 'integer' || column.type === 'number') {
      const d = describe(column.values);
      numericRows.push([
        attribute.label,
        attribute.unit ?? null,
        d.n,
        d.missing,
        round(d.mean),
        round(d.sd),
        d.median,
        d.q1,
        d.q3,
        d.min,
        d.max,
      ]);
      if (d.n > 0)
        charts.push({
          id: blockId('histogram', attribute.id),
          type: 'chart',
          title: attribute.label,
          spec: histogramChart(column.values, attribute.label, attribute.unit),
        });
    } else if (column.type === 'date') {
      const days = Array.from(column.values).filter((value) => !Number.isNaN(value));
      const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
      const first = days.reduce((min, value) => Math.min(min, value), Number.POSITIVE_INFINITY);
      const last = days.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY);
      otherRows.push([
        attribute.label,
        'date',
        days.length,
        frame.length - days.length,
        days.length ? `${isoDate(first)} to ${isoDate(last)}` : null,
      ]);
    } else if (column.type === 'text') {
      const present = column.values.filter((value) => value !== null);
      otherRows.push([
        attribute.label,
        'text',
        present.length,
        frame.length - present.length,
        `${new Set(present).size} distinct values`,
      ]);
    } else if (column.type === 'category' || column.type === 'boolean') {
      const counts = levelCounts(column);
      const present = counts.reduce((sum, entry) => sum + entry.count, 0);
      const missing = frame.length - present;
      for (const { level, count } of counts)
        categoryRows.push([
          attribute.label,
          level,
          count,
          present > 0 ? round((100 * count) / present, 3) : null,
        ]);
      if (missing > 0) categoryRows.push([attribute.label, '(missing)', missing, null]);
      charts.push({
        id: blockId('counts', attribute.id),
        type: 'chart',
        title: attribute.label,
        spec: countsChart(counts, attribute.label),
      });
    }
  }
  const endpointRows: Cell[][] = model.endpoints.map((endpoint) => {
    const column = frame.columns[`endpoint:${endpoint.id}`];
    if (column?.type !== 'endpoint') return [endpoint.label, null, null, null, null];
    const events = column.event.filter((value) => value === 1).length;
    const censored = column.event.filter((value) => value === 0).length;
    const followUp = describe(column.time);
    return [endpoint.label, events, censored, followUp.median, endpoint.unit];
  });
  const share = model.entityCount > 0 ? ((100 * frame.length) / model.entityCount).toFixed(1) : '0';
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: `The cohort holds **${frame.length}** of the ${model.entityCount} ${product.entity.plural} of ${product.title} (${share}%).`,
    },
    { id: 'count', type: 'statistic', name: `${product.entity.plural} in cohort`, value: frame.length },
  ];
  if (numericRows.length > 0) {
    blocks.push({
      id: 'numeric-attributes',
      type: 'table',
      title: 'Numeric attributes',
      columns: [
        { id: 'attribute', label: 'Attribute', type: 'string' },
        { id: 'unit', label: 'Unit', type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'missing', label: 'Missing', type: 'integer' },
        { id: 'mean', label: 'Mean', type: 'number' },
        { id: 'sd', label: 'SD', type: 'number' },
        { id: 'median', label: 'Median', type: 'number' },
        { id: 'q1', label: 'Q1', type: 'number' },
        { id: 'q3', label: 'Q3', type: 'number' },
        { id: 'min', label: 'Min', type: 'number' },
        { id: 'max', label: 'Max', type: 'number' },
      ],
      rows: numericRows,
    });
  }
  if (categoryRows.length > 0) {
    blocks.push({
      id: 'categorical-attributes',
      type: 'table',
      title: 'Categorical attributes',
      columns: [
        { id: 'attribute', label: 'Attribute', type: 'string' },
        { id: 'level', label: 'Level', type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'percent', label: '% of known', type: 'number' },
      ],
      rows: categoryRows,
    });
  }
  if (otherRows.length > 0) {
    blocks.push({
      id: 'other-attributes',
      type: 'table',
      title: 'Dates and text',
      columns: [
        { id: 'attribute', label: 'Attribute', type: 'string' },
        { id: 'type', label: 'Type', type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'missing', label: 'Missing', type: 'integer' },
        { id: 'values', label: 'Values', type: 'string' },
      ],
      rows: otherRows,
    });
  }
  if (endpointRows.length > 0) {
    blocks.push({
      id: 'endpoints',
      type: 'table',
      title: 'Endpoints',
      columns: [
        { id: 'endpoint', label: 'Endpoint', type: 'string' },
        { id: 'events', label: 'Events', type: 'integer' },
        { id: 'censored', label: 'Censored', type: 'integer' },
        { id: 'median_time', label: 'Median observed time', type: 'number' },
        { id: 'unit', label: 'Unit', type: 'string' },
      ],
      rows: endpointRows,
    });
  }
  blocks.push(...charts);
  return {
    title: `Cohort summary: ${product.title}`,
    summary: `${frame.length} ${product.entity.plural}`,
    blocks,
  };
}
