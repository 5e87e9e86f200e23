import type { Cohort, EventAnchor, NumberCondition } from '@plexus/spec';
import fc from 'fast-check';
import {
  type AttributeData,
  DAYS_PER_UNIT,
  type EventRow,
  type EventsData,
  epochDays,
  type ProductData,
  type Scalar,
} from './productData.ts';

const COMPARISONS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
/** Percentiles whose fraction is dyadic, so type-7 interpolation is exact (see randomProduct's grid). */
const PERCENTS = [0, 12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100];

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const present = <T>(values: ReadonlyArray<T | null>): T[] =>
  unique(values.filter((value): value is T => value !== null));
/** Optional parts of a criterion: mostly left out, so criteria with many filters still match someone. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
/** between takes [low, high]: the compiler rejects a low above the high. */
const lowHigh = <T extends Scalar>(a: T, b: T): [T, T] => (a <= b ? [a, b] : [b, a]);
const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const someOf = <T>(values: readonly T[]) =>
  fc.subarray([...values], { minLength: 1, maxLength: Math.min(3, values.length) });

/** A numeric condition with values the data has (so eq and boundaries hit) and some it has not. */
const numberCondition = (pool: readonly number[]): fc.Arbitrary<NumberCondition> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: pick(COMPARISONS), value: pick(pool) }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pick(pool), pick(pool))
        .map(([low, high]) => ({ op: 'between' as const, values: lowHigh(low, high) })),
    },
  );

function attributeCriterion(attribute: AttributeData): fc.Arbitrary<Cohort> {
  const id = attribute.id;
  const absent: Record<AttributeData['type'], Scalar[]> = {
    integer: [39, 61, 50.5],
    number: [-1, 7.25, 25],
    date: ['2020-12-31', '2021-03-15'],
    // Category values must be levels: the "absent" ones are declared levels no entity has.
    category: attribute.levels ?? [],
    boolean: [true, false],
  };
  const pool = unique([...present(attribute.values), ...absent[attribute.type]]);
  const ordered = attribute.type === 'integer' || attribute.type === 'number' || attribute.type === 'date';
  const presence = fc.record({ attribute: fc.constant(id), op: pick(['missing', 'present'] as const) });
  const single = fc.record({
    attribute: fc.constant(id),
    op: pick(ordered ? COMPARISONS : (['eq', 'ne'] as const)),
    value: pick(pool),
  });
  const set = fc.record({
    attribute: fc.constant(id),
    op: pick(['in', 'notIn'] as const),
    values: someOf(pool),
  });
  const between = fc
    .tuple(pick(pool), pick(pool))
    .map(([low, high]) => ({ attribute: id, op: 'between' as const, values: lowHigh(low, high) }));
  return fc.oneof(presence, single, single, set, ...(ordered ? [between] : [])) as fc.Arbitrary<Cohort>;
}

function endpointCriterion(product: ProductData): fc.Arbitrary<Cohort>[] {
  return product.endpoints.map((endpoint) =>
    fc
      .record(
        {
          endpoint: fc.constant(endpoint.id),
          event: fc.boolean(),
          time: numberCondition(unique([...present(endpoint.time), -1, 0, 100])),
        },
        { requiredKeys: ['endpoint'] },
      )
      .filter((criterion) => Object.keys(criterion).length >= 2),
  );
}

const eventDays = (modality: EventsData, event: EventRow): number | null =>
  event.time === null
    ? null
    : modality.timing === 'date'
      ? epochDays(String(event.time))
      : Number(event.time) * DAYS_PER_UNIT[modality.unit];

/**
 * Window bounds worth trying: event times themselves (windows without an anchor) and, per entity, each
 * event time minus each possible anchor time, so inclusive boundaries are hit exactly.
 */
function windowBounds(product: ProductData, modality: EventsData): number[] {
  const bounds = new Set<number>([-1, 0, 1, 7, 30]);
  product.ids.forEach((entity, row) => {
    const anchors: number[] = [];
    for (const attribute of product.attributes) {
      const value = attribute.values[row];
      if (attribute.type === 'number' && typeof value === 'number') anchors.push(value);
      if (attribute.type === 'date' && typeof value === 'string') anchors.push(epochDays(value));
    }
    for (const other of product.events)
      for (const event of other.rows)
        if (event.entity === entity) {
          const days = eventDays(other, event);
          if (days !== null) anchors.push(days);
        }
    for (const event of modality.rows) {
      const days = event.entity === entity ? eventDays(modality, event) : null;
      if (days === null) continue;
      bounds.add(days);
      for (const anchor of anchors) bounds.add(days - anchor);
    }
  });
  return [...bounds].sort((a, b) => a - b);
}

const textPools = (modality: EventsData) => ({
  name: unique([...present(modality.rows.map((event) => event.name)), 'no such event', 'NAUSEA']),
  code: unique([...present(modality.rows.map((event) => event.code)), 'Z9']),
  group: unique([...present(modality.rows.map((event) => event.group)), 'no group']),
  text: unique([...present(modality.rows.map((event) => event.text)), 'Severe']),
});

function textFilters(modality: EventsData) {
  const pools = textPools(modality);
  return {
    name: someOf(pools.name),
    code: someOf(pools.code),
    group: someOf(pools.group),
    text: someOf(pools.text),
  };
}

function optional<T extends Record<string, fc.Arbitrary<unknown>>>(
  arbitraries: T,
): { [K in keyof T]: fc.Arbitrary<T[K] extends fc.Arbitrary<infer V> ? V | undefined : never> } {
  return Object.fromEntries(
    Object.entries(arbitraries).map(([key, arbitrary]) => [key, sometimes(arbitrary)]),
  ) as never;
}

/**
 * Anchors on the same time scale as the modality: the compiler refuses to compare offsets (days from the
 * product's origin) with dates (days since 1970), so number attributes and offset-timed modalities anchor
 * offset-timed events, date attributes and dated modalities anchor dated events.
 */
function anchor(product: ProductData, modality: EventsData): fc.Arbitrary<EventAnchor> {
  const attributeType = modality.timing === 'date' ? 'date' : 'number';
  const attributes = product.attributes
    .filter((attribute) => attribute.type === attributeType)
    .map((attribute) => fc.constant({ attribute: attribute.id }));
  const events = product.events
    .filter((other) => other.timing === modality.timing)
    .map((other) =>
      fc
        .record({
          events: fc.constant(other.id),
          ...optional(textFilters(other)),
          occurrence: sometimes(pick(['first', 'last'] as const)),
        })
        .map(compact),
    );
  return fc.oneof(...attributes, ...events) as fc.Arbitrary<EventAnchor>;
}

function eventsCriterion(product: ProductData, modality: EventsData): fc.Arbitrary<Cohort> {
  const bounds = windowBounds(product, modality);
  // Exact bounds hit inclusive boundaries; a width after `from` keeps most windows non-empty.
  const range = fc.oneof(
    fc.tuple(pick(bounds), pick(bounds)).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
    fc.tuple(pick(bounds), pick([0, 1, 7, 30, 365])).map(([from, width]) => ({ from, to: from + width })),
    pick(bounds).map((from) => ({ from })),
    pick(bounds).map((to) => ({ to })),
  );
  const window = fc
    .tuple(sometimes(anchor(product, modality)), sometimes(range))
    .map(([origin, bounds]) => compact({ anchor: origin, ...bounds }))
    .filter((candidate) => Object.keys(candidate).length > 0);
  return fc
    .record({
      events: fc.constant(modality.id),
      ...optional({
        ...textFilters(modality),
        value: numberCondition(unique([...present(modality.rows.map((event) => event.value)), -5, 0, 100])),
        window,
        count: fc.record({ atLeast: fc.integer({ min: 1, max: 3 }) }),
      }),
    })
    .map(compact) as fc.Arbitrary<Cohort>;
}

function matrixCriteria(product: ProductData): fc.Arbitrary<Cohort>[] {
  // Only measured features: one without any cell is in no file of the product (unless annotated, and
  // whether an annotated but unmeasured feature exists is left open by docs/cohorts.md).
  return product.matrices.flatMap((matrix) =>
    matrix.features
      .filter((feature) => matrix.cells.some((cell) => cell.feature === feature.id))
      .map((feature) => {
        // A feature is named by its id or by its (unique) name.
        const names = feature.name === null ? [feature.id] : [feature.id, feature.name];
        const values = matrix.cells.filter((cell) => cell.feature === feature.id).map((cell) => cell.value);
        const comparison = numberCondition(unique([...values, -5, 0.0625, 5]));
        const percentile = fc
          .record({ above: pick(PERCENTS), below: pick(PERCENTS) }, { requiredKeys: [] })
          .filter((candidate) => Object.keys(candidate).length > 0)
          .map((bounds) => ({
            // Both bounds: above ≤ below, as the compiler rejects a band that is empty by construction.
            percentile:
              bounds.above !== undefined && bounds.below !== undefined && bounds.above > bounds.below
                ? { above: bounds.below, below: bounds.above }
                : bounds,
          }));
        return fc
          .tuple(pick(names), fc.oneof(comparison, percentile))
          .map(([name, test]) => ({ matrix: matrix.id, feature: name, ...test }) as Cohort);
      }),
  );
}

function variantsCriterion(product: ProductData): fc.Arbitrary<Cohort>[] {
  return product.variants.map((variants) => {
    const rows = variants.rows;
    const position = fc
      .record(
        {
          chrom: pick(unique([...rows.map((row) => row.chrom), '1', '2'])),
          from: fc.integer({ min: 95, max: 135 }),
          to: fc.integer({ min: 95, max: 135 }),
        },
        { requiredKeys: ['chrom'] },
      )
      .map((where) =>
        where.from !== undefined && where.to !== undefined && where.from > where.to
          ? { ...where, from: where.to, to: where.from }
          : where,
      );
    return fc
      .tuple(
        fc.record({
          variants: fc.constant(variants.id),
          ...optional({
            gene: someOf(unique([...present(rows.map((row) => row.gene)), 'NOTAGENE', 'kras'])),
            ref: someOf(unique([...rows.map((row) => row.ref), 'N'])),
            alt: someOf(unique([...rows.map((row) => row.alt), 'N'])),
            consequence: someOf(unique([...present(rows.map((row) => row.consequence)), 'intron_variant'])),
            zygosity: someOf(['heterozygous', 'homozygous'] as const),
          }),
        }),
        sometimes(position),
      )
      .map(([criterion, where]) => compact({ ...criterion, ...where }) as Cohort);
  });
}

/** Every leaf kind of the language over this product, `{}` included. */
export function randomCriterion(product: ProductData): fc.Arbitrary<Cohort> {
  return fc.oneof(
    ...product.attributes.map(attributeCriterion),
    ...endpointCriterion(product),
    ...product.events.map((modality) => eventsCriterion(product, modality)),
    ...product.events.map((modality) => eventsCriterion(product, modality)),
    ...matrixCriteria(product),
    ...variantsCriterion(product),
    ...variantsCriterion(product),
    fc.constant({} as Cohort),
  );
}

/** A valid cohort tree over the product: all/any/not/atLeast nodes down to `depth` levels. */
export function randomCohort(product: ProductData, depth = 3): fc.Arbitrary<Cohort> {
  const leaf = randomCriterion(product);
  if (depth === 0) return leaf;
  const child = randomCohort(product, depth - 1);
  const children = (minLength: number) => fc.array(child, { minLength, maxLength: 4 });
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: children(0).map((all) => ({ all })) },
    { weight: 1, arbitrary: children(1).map((any) => ({ any })) },
    { weight: 1, arbitrary: child.map((not) => ({ not })) },
    {
      weight: 1,
      arbitrary: children(1).chain((of) =>
        fc.integer({ min: 0, max: of.length + 1 }).map((atLeast) => ({ atLeast, of })),
      ),
    },
  );
}

/** A top-level `all` of 1–4 criteria, whose attrition steps are the counts of its prefixes. */
export function randomAllCohort(product: ProductData): fc.Arbitrary<{ all: Cohort[] }> {
  return fc.array(randomCohort(product, 2), { minLength: 1, maxLength: 4 }).map((all) => ({ all }));
}
