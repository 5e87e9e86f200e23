import type { ColumnType, SourceColumn } from '@plexus/spec';
import type { ProfiledColumn } from './profileTable.ts';

/** The mapping's declaration of a profiled column: its type, its header when it differs from the id, its date format. */
export function columnDeclaration(column: ProfiledColumn, type: ColumnType = column.type): SourceColumn {
  const declaration: SourceColumn = { type };
  if (column.header !== column.id) declaration.name = column.header;
  if (type === 'date' && column.format !== undefined) declaration.format = column.format;
  return declaration;
}

/** A comment for a column whose inference deserves a second look, or undefined. */
export function columnComment(column: ProfiledColumn): string | undefined {
  if (column.ambiguousDate)
    return `Day and month are both ≤ 12 in every value: read as ${column.format}; swap to %m/%d/%Y if the file is month-first.`;
  if (column.type === 'text' && column.missing === column.rows) return 'Every value is missing.';
  return undefined;
}
