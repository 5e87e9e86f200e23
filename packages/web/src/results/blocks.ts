/** Typed views of result blocks and provenance, read defensively from the document (pure). */
import { isRecord } from '../components/isRecord.ts';
import type { ResultDocumentView } from './ResultViewProps.ts';
import type { Cell } from './tableRows.ts';

export type Block = ResultDocumentView['blocks'][number];

export interface ColumnView {
  id: string;
  label: string;
  type: string;
  unit?: string;
}

export interface TableView {
  id: string;
  title?: string;
  columns: ColumnView[];
  rows: Cell[][];
}

export interface StatisticView {
  id: string;
  title?: string;
  name: string;
  value: number | null;
  unit?: string;
  ci?: { lower: number | null; upper: number | null; level: number };
  p?: number | null;
  df?: number;
  method?: string;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function cell(value: unknown): Cell {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

export function tableView(block: Block): TableView {
  const columns = Array.isArray(block.columns) ? block.columns.filter(isRecord) : [];
  const rows = Array.isArray(block.rows) ? block.rows : [];
  return {
    id: block.id,
    title: text(block.title),
    columns: columns.map((column, index) => ({
      id: text(column.id) ?? `column-${index + 1}`,
      label: text(column.label) ?? text(column.id) ?? '',
      type: text(column.type) ?? 'string',
      unit: text(column.unit),
    })),
    rows: rows.map((row) => (Array.isArray(row) ? row.map(cell) : [])),
  };
}

export function statisticView(block: Block): StatisticView {
  const ci = isRecord(block.ci)
    ? {
        lower: numberOrNull(block.ci.lower),
        upper: numberOrNull(block.ci.upper),
        level: typeof block.ci.level === 'number' ? block.ci.level : 0.95,
      }
    : undefined;
  return {
    id: block.id,
    title: text(block.title),
    name: text(block.name) ?? block.id,
    value: numberOrNull(block.value),
    unit: text(block.unit),
    ci,
    p: block.p === undefined ? undefined : numberOrNull(block.p),
    df: typeof block.df === 'number' ? block.df : undefined,
    method: text(block.method),
  };
}

function sameStatistic(a: StatisticView, b: StatisticView): boolean {
  return (
    a.value === b.value &&
    a.p === b.p &&
    a.df === b.df &&
    a.unit === b.unit &&
    a.ci?.lower === b.ci?.lower &&
    a.ci?.upper === b.ci?.upper &&
    a.ci?.level === b.ci?.level
  );
}

/** Ids of the statistic blocks that differ between two results (or that only one of them has). */
export function differingStatistics(left: ResultDocumentView, right: ResultDocumentView): Set<string> {
  const statistics = (result: ResultDocumentView) =>
    new Map(
      result.blocks
        .filter((block) => block.type === 'statistic')
        .map((block) => [block.id, statisticView(block)]),
    );
  const a = statistics(left);
  const b = statistics(right);
  const differing = new Set<string>();
  for (const [id, statistic] of a) {
    const other = b.get(id);
    if (!other || !sameStatistic(statistic, other)) differing.add(id);
  }
  for (const id of b.keys()) if (!a.has(id)) differing.add(id);
  return differing;
}
