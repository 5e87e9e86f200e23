import VCFParser from '@gmod/vcf';
import { shown, VcfError } from './VcfError.ts';

const FIXED_COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
const EXPECTED_HEADER = `a tab-separated line "${FIXED_COLUMNS.join('\\t')}\\tFORMAT\\t<sample>…"`;

/** The parsed header of a VCF: the @gmod/vcf parser for its data lines, and where things were declared. */
export interface VcfHeader {
  parser: VCFParser;
  samples: string[];
  /** Columns of every data line, as many as the #CHROM line has. */
  columns: number;
  /** Line of each `##INFO=<ID=…>` declaration, to point errors at it. */
  infoLines: Map<string, number>;
}

/**
 * Collects the `#` lines at the top of a VCF and builds the header once the first data line (or the
 * end of the file) shows the header is over.
 */
export class VcfHeaderReader {
  private readonly lines: string[] = [];
  private readonly infoLines = new Map<string, number>();
  private chromLine: number | undefined;
  private columnCount = 0;

  constructor(private readonly displayPath: string) {}

  /** Takes one header line; the caller knows it starts with `#`. */
  add(line: string, lineNumber: number): void {
    if (this.chromLine !== undefined)
      throw new VcfError(
        this.displayPath,
        lineNumber,
        `header line after the #CHROM line: expected variant lines once the header has ended on line ${this.chromLine}, found ${shown(line)}`,
      );
    if (line.startsWith('##')) {
      if (!/^##[^=]+=/.test(line))
        throw new VcfError(
          this.displayPath,
          lineNumber,
          `malformed meta line: expected ##key=value, found ${shown(line)}`,
        );
      const info = /^##INFO=<ID=([^,>]+)/.exec(line);
      if (info?.[1]) this.infoLines.set(info[1], lineNumber);
    } else if (line.startsWith('#CHROM')) {
      this.checkColumnLine(line, lineNumber);
      this.chromLine = lineNumber;
    } else
      throw new VcfError(
        this.displayPath,
        lineNumber,
        `unexpected header line: expected ##key=value meta lines and then ${EXPECTED_HEADER}, found ${shown(line)}`,
      );
    this.lines.push(line);
  }

  /** Ends the header at `lineNumber`, which holds the first variant (`found`) or is past the end of the file. */
  finish(lineNumber: number, found: string | undefined): VcfHeader {
    if (this.chromLine === undefined)
      throw new VcfError(
        this.displayPath,
        lineNumber,
        `no #CHROM header line: expected ${EXPECTED_HEADER} before the first variant, found ${found === undefined ? 'the end of the file' : shown(found)}`,
      );
    let parser: VCFParser;
    try {
      parser = new VCFParser({ header: this.lines.join('\n') });
    } catch (error) {
      throw new VcfError(
        this.displayPath,
        this.chromLine,
        `unreadable header: expected a VCF header, found ${(error as Error).message}`,
      );
    }
    const samples = parser.samples;
    return {
      parser,
      samples,
      columns: this.columnCount,
      infoLines: this.infoLines,
    };
  }

  private checkColumnLine(line: string, lineNumber: number): void {
    // Trailing blanks are a common slip when a header is edited by hand; @gmod/vcf trims them too.
    const columns = line.trimEnd().split('\t');
    const wrong = FIXED_COLUMNS.findIndex((name, index) => columns[index] !== name);
    if (wrong >= 0)
      throw new VcfError(
        this.displayPath,
        lineNumber,
        `malformed #CHROM line: expected ${EXPECTED_HEADER}, found ${shown(columns[wrong] ?? '')} as column ${wrong + 1}`,
      );
    if (columns.length > FIXED_COLUMNS.length && columns[FIXED_COLUMNS.length] !== 'FORMAT')
      throw new VcfError(
        this.displayPath,
        lineNumber,
        `malformed #CHROM line: expected FORMAT as column 9, found ${shown(columns[FIXED_COLUMNS.length] ?? '')}`,
      );
    this.columnCount = columns.length;
    const seen = new Set<string>();
    for (const sample of columns.slice(FIXED_COLUMNS.length + 1)) {
      if (sample === '')
        throw new VcfError(
          this.displayPath,
          lineNumber,
          'empty sample name in the #CHROM line: expected a name in every sample column, found an empty one',
        );
      if (seen.has(sample))
        throw new VcfError(
          this.displayPath,
          lineNumber,
          `sample ${shown(sample)} appears twice in the #CHROM line: expected unique sample names, found it again`,
        );
      seen.add(sample);
    }
  }
}
