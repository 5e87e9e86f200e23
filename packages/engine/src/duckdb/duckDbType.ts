import type { ColumnType } from '@plexus/spec';

/** The DuckDB type that stores each column type of the product format. */
export function duckDbType(type: ColumnType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'category':
    case 'text':
      return 'VARCHAR';
  }
}
