import { useMemo, useState } from 'react';
import type { TableView } from './blocks.ts';
import { csvFileName, toCsv } from './csv.ts';
import { formatCell } from './format.ts';
import { pageOf, type SortDirection, sortRows } from './tableRows.ts';

const PAGE_SIZE = 25;

function download(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A table: sortable by its column headers, 25 rows a page, downloadable as CSV. */
export function TableBlock(props: { table: TableView }) {
  const { table } = props;
  const [sort, setSort] = useState<{ column: number; direction: SortDirection } | null>(null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(
    () => (sort ? sortRows(table.rows, sort.column, sort.direction) : table.rows),
    [table.rows, sort],
  );
  const current = pageOf(sorted, page, PAGE_SIZE);
  const caption = table.title ?? table.id;
  const numeric = table.columns.map((column) => column.type === 'number' || column.type === 'integer');

  function toggle(column: number): void {
    setSort((previous) =>
      previous?.column === column
        ? { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: 'ascending' },
    );
    setPage(0);
  }

  return (
    <section className="result-block result-table">
      <div className="result-table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => {
                const direction = sort?.column === index ? sort.direction : undefined;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={direction ?? 'none'}
                    className={numeric[index] ? 'num' : undefined}
                  >
                    <button type="button" className="result-sort" onClick={() => toggle(index)}>
                      {column.label}
                      {column.unit ? <span className="result-unit"> ({column.unit})</span> : null}
                      <span aria-hidden="true" className="result-sort-mark">
                        {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {current.rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row's position is its identity here
              <tr key={current.first + rowIndex}>
                {table.columns.map((column, index) => (
                  <td key={column.id} className={numeric[index] ? 'num' : undefined}>
                    {formatCell(row[index], column.type)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="result-table-tools">
        {current.pageCount > 1 ? (
          <nav className="result-pager" aria-label={`Pages of ${caption}`}>
            <button type="button" disabled={current.page === 0} onClick={() => setPage(current.page - 1)}>
              Previous
            </button>
            <span>
              Rows {current.first}–{current.last} of {sorted.length} (page {current.page + 1} of{' '}
              {current.pageCount})
            </span>
            <button
              type="button"
              disabled={current.page >= current.pageCount - 1}
              onClick={() => setPage(current.page + 1)}
            >
              Next
            </button>
          </nav>
        ) : (
          <span>
            {sorted.length} {sorted.length === 1 ? 'row' : 'rows'}
          </span>
        )}
        {/* A result can hold several tables: the caption tells their download buttons apart. */}
        <button
          type="button"
          aria-label={`Download ${caption} as CSV`}
          onClick={() => download(csvFileName(caption), toCsv(table.columns, sorted))}
        >
          Download CSV
        </button>
      </div>
    </section>
  );
}
