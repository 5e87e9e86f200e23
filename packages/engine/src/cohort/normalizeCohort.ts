import {
  AttributeCriterionSchema,
  checkDocument,
  describeValue,
  didYouMean,
  EndpointCriterionSchema,
  type ErrorDetail,
  EventCriterionSchema,
  FeatureCriterionSchema,
  InputError,
  VariantCriterionSchema,
} from '@plexus/spec';
import type { TSchema } from '@sinclair/typebox';
import type { NormalizedNode } from './CohortTree.ts';

/** Deeper trees are not cohorts people write; the bound keeps SQL text and recursion small. */
const MAX_DEPTH = 24;
const MAX_NODES = 2000;

const NODE_KEYS = ['all', 'any', 'not', 'atLeast', 'attribute', 'endpoint', 'events', 'matrix', 'variants'];

const LEAVES: Array<{
  key: string;
  kind: 'attribute' | 'endpoint' | 'events' | 'feature' | 'variants';
  schema: TSchema;
}> = [
  { key: 'attribute', kind: 'attribute', schema: AttributeCriterionSchema },
  { key: 'endpoint', kind: 'endpoint', schema: EndpointCriterionSchema },
  { key: 'events', kind: 'events', schema: EventCriterionSchema },
  { key: 'matrix', kind: 'feature', schema: FeatureCriterionSchema },
  { key: 'variants', kind: 'variants', schema: VariantCriterionSchema },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinPath(prefix: string, segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${segment}`),
    prefix,
  );
}

/**
 * Phase 1 — normalize: checks the cohort's shape node by node (so that an error names the node, not a
 * union of every possible node) and returns the tree with paths. Values are judged in phase 2.
 */
export function normalizeCohort(cohort: unknown, prefix = 'cohort'): NormalizedNode {
  const details: ErrorDetail[] = [];
  let nodes = 0;
  const problem = (at: string, message: string, extra: Partial<ErrorDetail> = {}) =>
    details.push({ at, message: `${at}: ${message}`, ...extra });

  const visit = (value: unknown, path: string, depth: number): NormalizedNode | undefined => {
    nodes += 1;
    if (nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) problem(path, `a cohort may have at most ${MAX_NODES} nodes`);
      return undefined;
    }
    if (depth > MAX_DEPTH) {
      problem(path, `a cohort may nest at most ${MAX_DEPTH} levels deep`);
      return undefined;
    }
    if (!isRecord(value)) {
      problem(path, `expected an object (a criterion or all/any/not/atLeast), found ${describeValue(value)}`);
      return undefined;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return { kind: 'every', path };
    const children = (list: unknown, key: string, minItems: number): NormalizedNode[] | undefined => {
      if (!Array.isArray(list)) {
        problem(`${path}.${key}`, `expected a list of criteria, found ${describeValue(list)}`);
        return undefined;
      }
      if (list.length < minItems) {
        problem(`${path}.${key}`, `expected at least ${minItems} criterion, found an empty list`);
        return undefined;
      }
      const visited = list.map((child, index) => visit(child, `${path}.${key}[${index}]`, depth + 1));
      return visited.every((child) => child !== undefined) ? (visited as NormalizedNode[]) : undefined;
    };
    const extra = (allowed: string[]) => {
      const unknown = keys.filter((key) => !allowed.includes(key));
      for (const key of unknown)
        problem(
          `${path}.${key}`,
          `unknown key '${key}' next to ${allowed.join('/')}${didYouMean(key, allowed)}`,
        );
      return unknown.length > 0;
    };
    if ('all' in value || 'any' in value) {
      const key = 'all' in value ? 'all' : 'any';
      if (extra([key])) return undefined;
      const list = children(value[key], key, key === 'any' ? 1 : 0);
      return list ? { kind: key, children: list, path } : undefined;
    }
    if ('not' in value) {
      if (extra(['not'])) return undefined;
      const child = visit(value.not, `${path}.not`, depth + 1);
      return child ? { kind: 'not', child, path } : undefined;
    }
    if ('atLeast' in value || 'of' in value) {
      if (extra(['atLeast', 'of'])) return undefined;
      const n = value.atLeast;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        problem(`${path}.atLeast`, `expected a whole number ≥ 0, found ${describeValue(n)}`);
        return undefined;
      }
      const list = children(value.of, 'of', 1);
      // More than there are children selects nobody: a builder may pass through that while editing.
      return list ? { kind: 'atLeast', n, children: list, path } : undefined;
    }
    const leaf = LEAVES.find((candidate) => candidate.key in value);
    if (!leaf) {
      const first = keys[0] ?? '';
      problem(
        `${path}.${first}`,
        `unknown key '${first}'${didYouMean(first, NODE_KEYS)}: a node is all, any, not or atLeast/of, or a criterion on an attribute, endpoint, events, matrix or variants`,
        { found: first, allowed: NODE_KEYS },
      );
      return undefined;
    }
    const issues = checkDocument(leaf.schema, value);
    if (issues.length > 0) {
      for (const issue of issues) {
        const at = joinPath(path, issue.atKey ? issue.path.slice(0, -1) : issue.path);
        details.push({ at: joinPath(path, issue.path), message: `${at}: ${issue.message}` });
      }
      return undefined;
    }
    const shape = shapeProblem(leaf.kind, value);
    if (shape) {
      problem(`${path}.${shape.key}`, shape.message);
      return undefined;
    }
    return { kind: leaf.kind, criterion: value, path } as NormalizedNode;
  };

  const root = visit(cohort ?? {}, prefix, 0);
  if (!root || details.length > 0) {
    throw new InputError(`invalid cohort: ${details.map((detail) => detail.message).join('; ')}`, details);
  }
  return root;
}

/** Combinations a schema cannot express: which operators need which values, bounds in order. */
function shapeProblem(
  kind: string,
  value: Record<string, unknown>,
): { key: string; message: string } | undefined {
  const numberTest = (test: Record<string, unknown> | undefined, key: string) => {
    if (!test) return undefined;
    return arityProblem(String(test.op), test.value, test.values, key);
  };
  switch (kind) {
    case 'attribute':
      return arityProblem(String(value.op), value.value, value.values, '');
    case 'endpoint':
      return numberTest(value.time as Record<string, unknown> | undefined, 'time');
    case 'events': {
      const window = value.window as { from?: number; to?: number } | undefined;
      if (window?.from !== undefined && window.to !== undefined && window.from > window.to)
        return { key: 'window', message: `from (${window.from}) is after to (${window.to})` };
      return numberTest(value.value as Record<string, unknown> | undefined, 'value');
    }
    case 'feature': {
      if ((value.op === undefined) === (value.percentile === undefined))
        return { key: 'op', message: 'give either op with value(s), or percentile' };
      if (value.op !== undefined) return arityProblem(String(value.op), value.value, value.values, '');
      const percentile = value.percentile as { above?: number; below?: number };
      if (
        percentile.above !== undefined &&
        percentile.below !== undefined &&
        percentile.above > percentile.below
      )
        return {
          key: 'percentile',
          message: `above ${percentile.above} and below ${percentile.below} leave nothing between them`,
        };
      return undefined;
    }
    case 'variants': {
      if ((value.from !== undefined || value.to !== undefined) && value.chrom === undefined)
        return { key: 'from', message: 'a position range needs chrom' };
      if (typeof value.from === 'number' && typeof value.to === 'number' && value.from > value.to)
        return { key: 'from', message: `from (${value.from}) is after to (${value.to})` };
      return undefined;
    }
    default:
      return undefined;
  }
}

function arityProblem(
  op: string,
  single: unknown,
  list: unknown,
  key: string,
): { key: string; message: string } | undefined {
  const at = (name: string) => (key ? `${key}.${name}` : name);
  if (op === 'missing' || op === 'present') return undefined;
  if (op === 'in' || op === 'notIn')
    return Array.isArray(list) ? undefined : { key: at('values'), message: `'${op}' needs values: a list` };
  if (op === 'between') {
    if (!Array.isArray(list) || list.length !== 2)
      return { key: at('values'), message: "'between' needs values: [low, high]" };
    const [low, high] = list as unknown[];
    if (typeof low === 'number' && typeof high === 'number' && low > high)
      return { key: at('values'), message: `between [${low}, ${high}]: low is above high` };
    if (typeof low === 'string' && typeof high === 'string' && low > high)
      return { key: at('values'), message: `between ['${low}', '${high}']: low is after high` };
    return undefined;
  }
  return single === undefined ? { key: at('value'), message: `'${op}' needs a value` } : undefined;
}
