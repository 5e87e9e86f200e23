import type {
  AttributeCriterion,
  Cohort,
  EndpointCriterion,
  EventAnchor,
  EventCriterion,
  FeatureCriterion,
  NumberCondition,
  VariantCriterion,
} from '@plexus/spec';
import {
  DAYS_PER_UNIT,
  type EventRow,
  type EventsData,
  epochDays,
  type ProductData,
  type Scalar,
  type VariantRow,
} from './productData.ts';

/**
 * The cohort language evaluated the slow, obvious way — entity by entity, straight from docs/cohorts.md —
 * over the in-memory product, so that the compiled SQL can be checked against it. It assumes a valid
 * cohort (the compiler's errors are tested elsewhere) and throws on anything it cannot resolve.
 */
export function naiveCohortIds(product: ProductData, cohort: Cohort): string[] {
  const evaluator = new NaiveEvaluator(product);
  return sortIds(product.ids.filter((_id, row) => evaluator.holds(cohort, row)));
}

/** How many entities hold, for attrition checks. */
export function naiveCount(product: ProductData, cohort: Cohort): number {
  return naiveCohortIds(product, cohort).length;
}

/** DuckDB orders VARCHAR by UTF-8 bytes; JS's default sort is by UTF-16 units. */
export function sortIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** R's quantile(x, p / 100, type = 7): linear interpolation between order statistics. */
export function quantileType7(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * (percent / 100);
  const low = Math.floor(h);
  const lower = sorted[low] ?? Number.NaN;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? Number.NaN;
  return lower + (h - low) * (upper - lower);
}

/** Whether a VCF-style genotype carries the alternate allele (index 1), and if so whether only it. */
export function zygosityOf(genotype: string): 'heterozygous' | 'homozygous' | undefined {
  const called = genotype.split(/[/|]/).filter((allele) => allele !== '.');
  if (!called.includes('1')) return undefined;
  return called.every((allele) => allele === '1') ? 'homozygous' : 'heterozygous';
}

export function numberHolds(condition: NumberCondition, value: number | null): boolean {
  if (value === null) return false;
  const target = condition.value ?? Number.NaN;
  switch (condition.op) {
    case 'eq':
      return value === target;
    case 'ne':
      return value !== target;
    case 'lt':
      return value < target;
    case 'lte':
      return value <= target;
    case 'gt':
      return value > target;
    case 'gte':
      return value >= target;
    case 'between': {
      const [low = Number.NaN, high = Number.NaN] = condition.values ?? [];
      return low <= value && value <= high;
    }
    default:
      throw new Error(`unexpected numeric op ${condition.op}`);
  }
}

const inSet = (set: readonly string[] | undefined, value: string | null): boolean =>
  set === undefined || (value !== null && set.includes(value));

class NaiveEvaluator {
  constructor(private readonly product: ProductData) {}

  holds(node: Cohort, row: number): boolean {
    if ('all' in node) return node.all.every((child) => this.holds(child, row));
    if ('any' in node) return node.any.some((child) => this.holds(child, row));
    if ('not' in node) return !this.holds(node.not, row);
    if ('atLeast' in node) return node.of.filter((child) => this.holds(child, row)).length >= node.atLeast;
    if ('attribute' in node) return this.attribute(node as AttributeCriterion, row);
    if ('endpoint' in node) return this.endpoint(node as EndpointCriterion, row);
    if ('events' in node) return this.events(node as EventCriterion, row);
    if ('matrix' in node) return this.matrix(node as FeatureCriterion, row);
    if ('variants' in node) return this.variants(node as VariantCriterion, row);
    if (Object.keys(node).length === 0) return true;
    throw new Error(`not a cohort node: ${JSON.stringify(node)}`);
  }

  private attribute(criterion: AttributeCriterion, row: number): boolean {
    const attribute = this.product.attributes.find((candidate) => candidate.id === criterion.attribute);
    if (!attribute) throw new Error(`unknown attribute ${criterion.attribute}`);
    const value = attribute.values[row] ?? null;
    if (criterion.op === 'missing') return value === null;
    if (criterion.op === 'present') return value !== null;
    // Two-valued logic: every comparison on a missing value is false, ne and notIn included.
    if (value === null) return false;
    // Dates compare as days; YYYY-MM-DD strings would too, but this states the intent.
    const key = (scalar: Scalar | undefined): Scalar =>
      attribute.type === 'date' && typeof scalar === 'string' ? epochDays(scalar) : (scalar ?? Number.NaN);
    const own = key(value);
    const target = key(criterion.value);
    const values = (criterion.values ?? []).map(key);
    switch (criterion.op) {
      case 'eq':
        return own === target;
      case 'ne':
        return own !== target;
      case 'lt':
        return own < target;
      case 'lte':
        return own <= target;
      case 'gt':
        return own > target;
      case 'gte':
        return own >= target;
      case 'in':
        return values.includes(own);
      case 'notIn':
        return !values.includes(own);
      case 'between': {
        const [low = Number.NaN, high = Number.NaN] = values;
        return low <= own && own <= high;
      }
      default:
        throw new Error(`unexpected attribute op ${criterion.op}`);
    }
  }

  private endpoint(criterion: EndpointCriterion, row: number): boolean {
    const endpoint = this.product.endpoints.find((candidate) => candidate.id === criterion.endpoint);
    if (!endpoint) throw new Error(`unknown endpoint ${criterion.endpoint}`);
    const time = endpoint.time[row] ?? null;
    const event = endpoint.event[row] ?? null;
    // A missing time or event indicator excludes the entity from every endpoint criterion.
    if (time === null || event === null) return false;
    if (criterion.event !== undefined && event !== criterion.event) return false;
    return criterion.time === undefined || numberHolds(criterion.time, time);
  }

  private modality(id: string): EventsData {
    const modality = this.product.events.find((candidate) => candidate.id === id);
    if (!modality) throw new Error(`unknown events modality ${id}`);
    return modality;
  }

  /** Time of an event in days: offsets converted from the modality's unit, dates as days since 1970. */
  private static days(modality: EventsData, event: EventRow): number | null {
    if (event.time === null) return null;
    if (modality.timing === 'date') return epochDays(String(event.time));
    return Number(event.time) * DAYS_PER_UNIT[modality.unit];
  }

  private static textFilters(
    filter: { name?: string[]; code?: string[]; group?: string[]; text?: string[] },
    event: EventRow,
  ): boolean {
    return (
      inSet(filter.name, event.name) &&
      inSet(filter.code, event.code) &&
      inSet(filter.group, event.group) &&
      inSet(filter.text, event.text)
    );
  }

  private anchorTime(anchor: EventAnchor, row: number): number | null {
    if ('attribute' in anchor) {
      const attribute = this.product.attributes.find((candidate) => candidate.id === anchor.attribute);
      if (!attribute) throw new Error(`unknown anchor attribute ${anchor.attribute}`);
      const value = attribute.values[row] ?? null;
      if (value === null) return null;
      return attribute.type === 'date' ? epochDays(String(value)) : Number(value);
    }
    const modality = this.modality(anchor.events);
    const entity = this.product.ids[row];
    const times = modality.rows
      .filter((event) => event.entity === entity && NaiveEvaluator.textFilters(anchor, event))
      .map((event) => NaiveEvaluator.days(modality, event))
      .filter((time): time is number => time !== null);
    if (times.length === 0) return null;
    return anchor.occurrence === 'last' ? Math.max(...times) : Math.min(...times);
  }

  private events(criterion: EventCriterion, row: number): boolean {
    const modality = this.modality(criterion.events);
    const entity = this.product.ids[row];
    const window = criterion.window;
    const anchor = window?.anchor === undefined ? 0 : this.anchorTime(window.anchor, row);
    if (anchor === null) return false;
    const passing = modality.rows.filter((event) => {
      if (event.entity !== entity || !NaiveEvaluator.textFilters(criterion, event)) return false;
      if (criterion.value !== undefined && !numberHolds(criterion.value, event.value)) return false;
      if (window === undefined) return true;
      const time = NaiveEvaluator.days(modality, event);
      if (time === null) return false;
      const since = time - anchor;
      return (
        (window.from === undefined || window.from <= since) && (window.to === undefined || since <= window.to)
      );
    });
    return passing.length >= (criterion.count?.atLeast ?? 1);
  }

  private matrix(criterion: FeatureCriterion, row: number): boolean {
    const matrix = this.product.matrices.find((candidate) => candidate.id === criterion.matrix);
    if (!matrix) throw new Error(`unknown matrix ${criterion.matrix}`);
    const byId = matrix.features.find((feature) => feature.id === criterion.feature);
    const byName = matrix.features.filter((feature) => feature.name === criterion.feature);
    const feature = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!feature) throw new Error(`unknown or ambiguous feature ${criterion.feature}`);
    const cells = matrix.cells.filter((cell) => cell.feature === feature.id);
    const value = cells.find((cell) => cell.entity === this.product.ids[row])?.value;
    if (value === undefined) return false;
    if (criterion.percentile) {
      const all = cells.map((cell) => cell.value);
      const { above, below } = criterion.percentile;
      return (
        (above === undefined || value >= quantileType7(all, above)) &&
        (below === undefined || value <= quantileType7(all, below))
      );
    }
    if (criterion.op === undefined) throw new Error('feature criterion without op or percentile');
    return numberHolds(
      {
        op: criterion.op,
        ...(criterion.value !== undefined ? { value: criterion.value } : {}),
        ...(criterion.values !== undefined ? { values: criterion.values } : {}),
      },
      value,
    );
  }

  private variants(criterion: VariantCriterion, row: number): boolean {
    const variants = this.product.variants.find((candidate) => candidate.id === criterion.variants);
    if (!variants) throw new Error(`unknown variants modality ${criterion.variants}`);
    const entity = this.product.ids[row];
    const passes = (variant: VariantRow): boolean => {
      const zygosity = zygosityOf(variant.genotype);
      // Only carried variants are stored: homozygous reference and missing genotypes are not variants.
      if (variant.entity !== entity || zygosity === undefined) return false;
      return (
        inSet(criterion.gene, variant.gene) &&
        inSet(criterion.ref, variant.ref) &&
        inSet(criterion.alt, variant.alt) &&
        inSet(criterion.consequence, variant.consequence) &&
        (criterion.chrom === undefined || variant.chrom === criterion.chrom) &&
        (criterion.from === undefined || variant.pos >= criterion.from) &&
        (criterion.to === undefined || variant.pos <= criterion.to) &&
        (criterion.zygosity === undefined || criterion.zygosity.includes(zygosity))
      );
    };
    return variants.rows.some(passes);
  }
}
