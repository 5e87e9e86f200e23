import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, Problem } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import { readSourceSql, sourceFormat } from '../build/sourceSql.ts';
import { duckDbMessage } from '../duckdb/openDuckDb.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';
import { problemAt } from './problemAt.ts';
import { readCsvHeader } from './readCsvHeader.ts';
import { resolveInsideProduct } from './resolveInsideProduct.ts';

/** Checks that every source file exists, reads in its format, and has every declared column. */
export async function checkSourceFiles(
  productDir: string,
  mapping: Mapping,
  file: YamlFile,
  connection: DuckDBConnection,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [sourceId, source] of Object.entries(mapping.sources)) {
    const path = ['sources', sourceId, 'path'];
    const located = await resolveInsideProduct(productDir, source.path);
    if ('outside' in located) {
      problems.push(
        problemAt(
          file,
          path,
          'invalid-value',
          `source '${sourceId}': ${source.path} is outside the product folder; copy the file into it`,
        ),
      );
      continue;
    }
    if ('missing' in located) {
      problems.push(
        problemAt(file, path, 'file-missing', `source '${sourceId}': file ${source.path} does not exist`),
      );
      continue;
    }
    let header: string[];
    const format = sourceFormat(source);
    try {
      if (format === 'parquet') {
        header = (
          await connection.runAndReadAll(`SELECT * FROM ${readSourceSql(productDir, source)} LIMIT 0`)
        ).columnNames();
      } else if (source.header === false) {
        // Without a header line DuckDB names the columns column0, column1, ...
        const count = (await readCsvHeader(located.path, source.delimiter ?? (format === 'tsv' ? '\t' : ',')))
          .length;
        header = Array.from({ length: count }, (_, index) => `column${index}`);
      } else {
        header = await readCsvHeader(located.path, source.delimiter ?? (format === 'tsv' ? '\t' : ','));
      }
    } catch (error) {
      const reason =
        error instanceof Error && !/Error:/.test(error.message) ? error.message : duckDbMessage(error);
      problems.push(
        problemAt(
          file,
          path,
          'source-unreadable',
          `source '${sourceId}': cannot read ${source.path}: ${reason}`,
        ),
      );
      continue;
    }
    for (const [columnId, column] of Object.entries(source.columns)) {
      const name = column.name ?? columnId;
      if (!header.includes(name)) {
        const hint = didYouMean(name, header);
        problems.push(
          problemAt(
            file,
            ['sources', sourceId, 'columns', columnId],
            'unknown-column',
            `source '${sourceId}': ${source.path} has no column '${name}'${hint}${hint ? '' : ` (it has: ${header.slice(0, 30).join(', ')})`}`,
            { atKey: true },
          ),
        );
      }
    }
  }
  return problems;
}
