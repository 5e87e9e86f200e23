import fc from 'fast-check';
import {
  type EventRow,
  epochDays,
  isoDate,
  type ProductData,
  type TimeUnit,
  type VariantRow,
} from './productData.ts';

export { writeProduct } from './writeProduct.ts';

/**
 * Strings that break naive quoting: CSV (comma, double quote), SQL (quote, comment, semicolon, $1),
 * JSON/regex (backslash) and Unicode (combining mark vs precomposed, RTL, emoji, CJK). None is a null
 * token ("" or NA) and none has leading or trailing blanks.
 */
export const AWKWARD_STRINGS = [
  "O'Brien",
  'say "hi"',
  'a, b',
  'semi;colon',
  '-- comment',
  '/* block */',
  '$1',
  'back\\slash',
  'é',
  'e\u0301',
  'naïve café',
  '漢字',
  '🧬 fatigue',
  'שלום',
  "x'); DROP TABLE entities; --",
] as const;

export const CATEGORY_LEVELS = ['early', 'late', ...AWKWARD_STRINGS.slice(0, 8), 'naïve café', 'שלום'];
const EVENT_NAMES = ['Nausea', 'nausea', 'Rash', ...AWKWARD_STRINGS];
const EVENT_CODES = ['C1', 'C2', 'c1', 'C,3'];
const EVENT_GROUPS = ['GI', 'Skin', 'Skin;', 'Blood "B"'];
const EVENT_TEXTS = ['mild', 'moderate', 'SEVERE', 'severe', 'grade ≥3'];
const EVENT_UNITS = ['mg', 'µg/L'];
const VISIT_NAMES = ['screening', 'follow-up', 'Follow-up', "end of 'study'"];
const GENES = ['KRAS', 'TP53', 'BRCA1', 'EGFR"v', 'ÄB,C', '漢字'];
const CONSEQUENCES = ['missense_variant', 'stop_gained', "frameshift 'x'"];
const ALLELES = ['A', 'C', 'G', 'T', 'AT'];
const CHROMS = ['1', '7', 'X'];
const FEATURE_IDS = ['ENSG01', 'ENSG02', 'probe "7"', 'p,8', 'ENSG05'];
const FEATURE_NAMES = ['EGFR', 'MYC', 'CD274', 'ÆBC', 'TP63'];
/**
 * Carried genotypes (an alternate allele called), and ones that are not variants of the entity
 * (homozygous reference, missing, reference with a missing allele).
 */
export const GENOTYPES = [
  '0/1',
  '1/0',
  '0|1',
  '1|0',
  '1/1',
  '1|1',
  '1',
  './1',
  '1/.',
  '0/0',
  '0|0',
  './.',
  '.',
  '0',
  './0',
];

export const DATE_ORIGIN = epochDays('2021-01-01');

/**
 * Numbers on a grid of 1/8 (dyadic): sums, differences, unit conversions (7, 30.4375, 365.25) and type-7
 * interpolation at percentiles that are multiples of 12.5 are then exact in binary floating point, so
 * the engine and the evaluator cannot disagree by rounding.
 */
export const grid = (min: number, max: number, step = 0.125): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((n) => n * step);

const maybe = <T>(arbitrary: fc.Arbitrary<T>, freq = 4): fc.Arbitrary<T | null> =>
  fc.option(arbitrary, { nil: null, freq });

const dateArb = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((offset) => isoDate(DATE_ORIGIN + offset));

const eventArb = (names: readonly string[], time: fc.Arbitrary<number | string>) =>
  fc.record({
    time: maybe(time, 6),
    name: maybe(fc.constantFrom(...names), 8),
    code: maybe(fc.constantFrom(...EVENT_CODES)),
    group: maybe(fc.constantFrom(...EVENT_GROUPS)),
    value: maybe(grid(-4, 12, 0.25)),
    text: maybe(fc.constantFrom(...EVENT_TEXTS)),
    unit: maybe(fc.constantFrom(...EVENT_UNITS)),
  });

const variantArb = fc.record({
  chrom: fc.constantFrom(...CHROMS),
  pos: fc.integer({ min: 100, max: 130 }),
  ref: fc.constantFrom(...ALLELES),
  alt: fc.constantFrom(...ALLELES),
  gene: maybe(fc.constantFrom(...GENES), 6),
  consequence: maybe(fc.constantFrom(...CONSEQUENCES)),
  genotype: fc.constantFrom(...GENOTYPES),
});

const productParams = fc.record({
  levels: fc.shuffledSubarray(CATEGORY_LEVELS, { minLength: 3, maxLength: 3 }),
  eventUnit: fc.constantFrom<TimeUnit>('days', 'weeks', 'months', 'years'),
  endpointUnit: fc.constantFrom<TimeUnit>('days', 'months'),
  featureIds: fc.shuffledSubarray(FEATURE_IDS, { minLength: 3, maxLength: 5 }),
  featureNames: fc.shuffledSubarray(FEATURE_NAMES, { minLength: 5, maxLength: 5 }),
  named: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
});
type ProductParams = typeof productParams extends fc.Arbitrary<infer T> ? T : never;

const entityArb = (params: ProductParams) =>
  fc.record({
    // Plain ASCII with both cases, so byte order (DuckDB) differs from case-insensitive order.
    id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,4}$/).filter((id) => id !== 'NA'),
    age: maybe(fc.integer({ min: 40, max: 60 })),
    doseDay: maybe(grid(0, 20, 0.5)),
    stage: maybe(fc.constantFrom(...params.levels)),
    smoker: maybe(fc.boolean()),
    diagnosed: maybe(dateArb(0, 40)),
    osTime: maybe(grid(0, 40, 0.5)),
    osEvent: maybe(fc.boolean()),
    events: fc.array(eventArb(EVENT_NAMES, grid(-2, 12, 0.5)), { maxLength: 6 }),
    visits: fc.array(eventArb(VISIT_NAMES, dateArb(-10, 60)), { maxLength: 4 }),
    cells: fc.array(maybe(grid(-4, 4), 3), {
      minLength: params.featureIds.length,
      maxLength: params.featureIds.length,
    }),
    variants: fc.array(variantArb, { maxLength: 4 }),
  });

type EntityRecord = typeof entityArb extends (params: ProductParams) => fc.Arbitrary<infer T> ? T : never;

function assemble(params: ProductParams, entities: EntityRecord[]): ProductData {
  const ids = entities.map((entity) => entity.id);
  const rowsOf = (pick: (entity: EntityRecord) => Array<Omit<EventRow, 'entity'>>): EventRow[] =>
    entities.flatMap((entity) => pick(entity).map((row) => ({ entity: entity.id, ...row })));
  return {
    ids,
    attributes: [
      { id: 'age', type: 'integer', values: entities.map((entity) => entity.age) },
      { id: 'dose_day', type: 'number', values: entities.map((entity) => entity.doseDay) },
      {
        id: 'stage',
        type: 'category',
        levels: params.levels,
        values: entities.map((entity) => entity.stage),
      },
      { id: 'smoker', type: 'boolean', values: entities.map((entity) => entity.smoker) },
      { id: 'diagnosed', type: 'date', values: entities.map((entity) => entity.diagnosed) },
    ],
    endpoints: [
      {
        id: 'os',
        unit: params.endpointUnit,
        time: entities.map((entity) => entity.osTime),
        event: entities.map((entity) => entity.osEvent),
      },
    ],
    events: [
      { id: 'ae', timing: 'offset', unit: params.eventUnit, rows: rowsOf((entity) => entity.events) },
      { id: 'visits', timing: 'date', unit: 'days', rows: rowsOf((entity) => entity.visits) },
    ],
    matrices: [
      {
        id: 'expr',
        features: params.featureIds.map((id, index) => ({
          id,
          name: params.named[index] ? (params.featureNames[index] ?? null) : null,
        })),
        cells: entities.flatMap((entity) =>
          params.featureIds.flatMap((feature, index) => {
            const value = entity.cells[index];
            return value === null || value === undefined ? [] : [{ entity: entity.id, feature, value }];
          }),
        ),
      },
    ],
    variants: [
      {
        id: 'somatic',
        rows: entities.flatMap((entity) =>
          entity.variants.map((variant): VariantRow => ({ entity: entity.id, ...variant })),
        ),
      },
    ],
  };
}

/** A small random product: 5–40 entities with every kind of attribute, an endpoint and every modality. */
export const randomProduct: fc.Arbitrary<ProductData> = productParams.chain((params) =>
  fc
    .uniqueArray(entityArb(params), { minLength: 5, maxLength: 40, selector: (entity) => entity.id })
    .map((entities) => assemble(params, entities)),
);
