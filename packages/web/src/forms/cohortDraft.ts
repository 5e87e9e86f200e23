/**
 * The cohort builder's editable tree (values kept as typed text) and its conversion to and from the
 * cohort language (docs/cohorts.md). Pure: no React.
 */

import type { ModelView } from '../api/types.ts';
import { isRecord } from '../components/isRecord.ts';

export type Combine = 'all' | 'any' | 'not';

export interface GroupDraft {
  kind: 'group';
  key: string;
  combine: Combine;
  children: DraftNode[];
}

export interface AttributeDraft {
  kind: 'attribute';
  key: string;
  attribute: string;
  op: string;
  value: string;
  valueTo: string;
  values: string[];
}

export interface EventsDraft {
  kind: 'events';
  key: string;
  modality: string;
  name: string;
  text: string;
  group: string;
  atLeast: string;
  from: string;
  to: string;
}

export interface MatrixDraft {
  kind: 'matrix';
  key: string;
  modality: string;
  feature: string;
  /** eq … between, or above / below for a percentile. */
  op: string;
  value: string;
  valueTo: string;
}

export interface VariantsDraft {
  kind: 'variants';
  key: string;
  modality: string;
  gene: string;
  consequence: string;
  zygosity: string;
}

/** A part of a cohort the builder does not edit (e.g. atLeast/of, endpoints): kept as it is. */
export interface RawDraft {
  kind: 'raw';
  key: string;
  json: unknown;
}

export type CriterionDraft = AttributeDraft | EventsDraft | MatrixDraft | VariantsDraft;
export type DraftNode = GroupDraft | CriterionDraft | RawDraft;
export type CohortDraft = GroupDraft;
export type Attribute = ModelView['attributes'][number];

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `c${counter}`;
}

export function emptyCohort(combine: Combine = 'all'): GroupDraft {
  return { kind: 'group', key: newKey(), combine, children: [] };
}

export const OPERATOR_LABELS: Record<string, string> = {
  eq: 'equals (=)',
  ne: 'does not equal (≠)',
  lt: 'less than (<)',
  lte: 'at most (≤)',
  gt: 'more than (>)',
  gte: 'at least (≥)',
  between: 'between (inclusive)',
  in: 'is one of',
  notIn: 'is none of',
  missing: 'is missing',
  present: 'is present',
  above: 'in the top: ≥ percentile',
  below: 'in the bottom: ≤ percentile',
};

const ORDERED = new Set(['integer', 'number', 'date']);

/** The operators the cohort language allows on an attribute of this type. */
export function operatorsFor(type: string | undefined): string[] {
  if (type && ORDERED.has(type))
    return ['gte', 'lte', 'gt', 'lt', 'between', 'eq', 'ne', 'missing', 'present'];
  if (type === 'boolean') return ['eq', 'ne', 'missing', 'present'];
  return ['eq', 'ne', 'in', 'notIn', 'missing', 'present'];
}

export const MATRIX_OPERATORS = ['gte', 'lte', 'gt', 'lt', 'between', 'eq', 'ne', 'above', 'below'];

export function newAttributeCriterion(model: ModelView, attributeId?: string): AttributeDraft {
  const attribute = model.attributes.find((item) => item.id === attributeId) ?? model.attributes[0];
  return {
    kind: 'attribute',
    key: newKey(),
    attribute: attribute?.id ?? '',
    op: operatorsFor(attribute?.type)[0] ?? 'eq',
    value: '',
    valueTo: '',
    values: [],
  };
}

export function newCriterion(
  kind: CriterionDraft['kind'],
  modality: string,
  model: ModelView,
): CriterionDraft {
  switch (kind) {
    case 'attribute':
      return newAttributeCriterion(model);
    case 'events':
      return { kind, key: newKey(), modality, name: '', text: '', group: '', atLeast: '', from: '', to: '' };
    case 'matrix':
      return { kind, key: newKey(), modality, feature: '', op: 'gte', value: '', valueTo: '' };
    case 'variants':
      return { kind, key: newKey(), modality, gene: '', consequence: '', zygosity: '' };
  }
}

// ---- draft → cohort JSON ----

type Json = Record<string, unknown>;

/** Why a criterion is left out of the cohort; `key` is the criterion's draft key (problems can read alike). */
export interface CohortProblem {
  key: string;
  message: string;
}

function scalar(
  text: string,
  type: string | undefined,
): { value?: string | number | boolean; problem?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'enter a value' };
  if (type === 'integer' || type === 'number') {
    const number = Number(trimmed);
    return Number.isFinite(number) ? { value: number } : { problem: `${trimmed} is not a number` };
  }
  if (type === 'boolean') {
    if (trimmed === 'true' || trimmed === 'false') return { value: trimmed === 'true' };
    return { problem: 'choose true or false' };
  }
  if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed))
    return { problem: 'enter a date (YYYY-MM-DD)' };
  return { value: trimmed };
}

function attributeJson(draft: AttributeDraft, model: ModelView): { json?: Json; problem?: string } {
  const attribute = model.attributes.find((item) => item.id === draft.attribute);
  if (!attribute) return { problem: 'choose an attribute' };
  const label = attribute.label || attribute.id;
  const base = { attribute: attribute.id, op: draft.op };
  if (draft.op === 'missing' || draft.op === 'present') return { json: base };
  if (draft.op === 'in' || draft.op === 'notIn') {
    const values = draft.values.map((text) => scalar(text, attribute.type));
    const problem = values.find((item) => item.problem)?.problem;
    if (problem) return { problem: `${label}: ${problem}` };
    if (values.length === 0) return { problem: `${label}: choose at least one value` };
    return { json: { ...base, values: values.map((item) => item.value) } };
  }
  const low = scalar(draft.value, attribute.type);
  if (low.problem) return { problem: `${label}: ${low.problem}` };
  if (draft.op === 'between') {
    const high = scalar(draft.valueTo, attribute.type);
    if (high.problem) return { problem: `${label} (to): ${high.problem}` };
    return { json: { ...base, values: [low.value, high.value] } };
  }
  return { json: { ...base, value: low.value } };
}

function optionalNumber(text: string, what: string): { value?: number; problem?: string } {
  if (text.trim() === '') return {};
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { problem: `${what}: ${text} is not a number` };
}

function eventsJson(draft: EventsDraft): { json?: Json; problem?: string } {
  if (!draft.modality) return { problem: 'choose the events' };
  const json: Json = { events: draft.modality };
  for (const field of ['name', 'text', 'group'] as const) {
    if (draft[field].trim()) json[field] = [draft[field].trim()];
  }
  const atLeast = optionalNumber(draft.atLeast, 'at least');
  const from = optionalNumber(draft.from, 'from day');
  const to = optionalNumber(draft.to, 'to day');
  const problem = atLeast.problem ?? from.problem ?? to.problem;
  if (problem) return { problem };
  if (atLeast.value !== undefined) json.count = { atLeast: atLeast.value };
  if (from.value !== undefined || to.value !== undefined) {
    json.window = {
      ...(from.value !== undefined ? { from: from.value } : {}),
      ...(to.value !== undefined ? { to: to.value } : {}),
    };
  }
  return { json };
}

function matrixJson(draft: MatrixDraft): { json?: Json; problem?: string } {
  if (!draft.modality) return { problem: 'choose the data' };
  const feature = draft.feature.trim();
  if (!feature) return { problem: 'choose a feature' };
  const base = { matrix: draft.modality, feature };
  const value = optionalNumber(draft.value, feature);
  if (value.problem) return { problem: value.problem };
  if (value.value === undefined) return { problem: `${feature}: enter a value` };
  if (draft.op === 'above' || draft.op === 'below') {
    if (value.value < 0 || value.value > 100) return { problem: `${feature}: a percentile is 0 to 100` };
    return { json: { ...base, percentile: { [draft.op]: value.value } } };
  }
  if (draft.op === 'between') {
    const high = optionalNumber(draft.valueTo, `${feature} (to)`);
    if (high.problem) return { problem: high.problem };
    if (high.value === undefined) return { problem: `${feature}: enter the upper value` };
    return { json: { ...base, op: 'between', values: [value.value, high.value] } };
  }
  return { json: { ...base, op: draft.op, value: value.value } };
}

function variantsJson(draft: VariantsDraft): { json?: Json; problem?: string } {
  if (!draft.modality) return { problem: 'choose the variants' };
  const json: Json = { variants: draft.modality };
  if (draft.gene.trim()) json.gene = [draft.gene.trim()];
  if (draft.consequence.trim()) json.consequence = [draft.consequence.trim()];
  if (draft.zygosity) json.zygosity = [draft.zygosity];
  return { json };
}

function nodeJson(node: DraftNode, model: ModelView, problems: CohortProblem[]): Json | undefined {
  switch (node.kind) {
    case 'raw':
      return node.json as Json;
    case 'group': {
      const children = node.children
        .map((child) => nodeJson(child, model, problems))
        .filter((child): child is Json => child !== undefined);
      if (children.length === 0) return undefined;
      if (node.combine === 'not') return { not: children.length === 1 ? children[0] : { any: children } };
      return { [node.combine]: children };
    }
    default: {
      const result =
        node.kind === 'attribute'
          ? attributeJson(node, model)
          : node.kind === 'events'
            ? eventsJson(node)
            : node.kind === 'matrix'
              ? matrixJson(node)
              : variantsJson(node);
      if (result.problem) problems.push({ key: node.key, message: `${result.problem}.` });
      return result.json;
    }
  }
}

/**
 * The cohort of a draft. Incomplete criteria and empty groups are left out (so the rest can still be
 * counted) and reported in `problems`.
 */
export function cohortToJson(
  draft: CohortDraft,
  model: ModelView,
): { cohort: Json; problems: CohortProblem[] } {
  const problems: CohortProblem[] = [];
  const cohort = nodeJson(draft, model, problems) ?? {};
  return { cohort, problems };
}

// ---- cohort JSON → draft ----

function hasOnly(json: Json, keys: string[]): boolean {
  return Object.keys(json).every((key) => keys.includes(key));
}

function single(value: unknown): string | undefined {
  if (value === undefined) return '';
  return Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' ? value[0] : undefined;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function leafFromJson(json: Json): DraftNode {
  const raw: RawDraft = { kind: 'raw', key: newKey(), json };
  if (
    typeof json.attribute === 'string' &&
    typeof json.op === 'string' &&
    hasOnly(json, ['attribute', 'op', 'value', 'values'])
  ) {
    const values = Array.isArray(json.values) ? json.values.map(text) : [];
    const between = json.op === 'between';
    return {
      kind: 'attribute',
      key: newKey(),
      attribute: json.attribute,
      op: json.op,
      value: between ? (values[0] ?? '') : text(json.value),
      valueTo: between ? (values[1] ?? '') : '',
      values: between ? [] : values,
    };
  }
  if (
    typeof json.events === 'string' &&
    hasOnly(json, ['events', 'name', 'text', 'group', 'count', 'window'])
  ) {
    const [name, textValue, group] = [single(json.name), single(json.text), single(json.group)];
    const window = isRecord(json.window) ? json.window : {};
    const count = isRecord(json.count) ? json.count : {};
    if (name === undefined || textValue === undefined || group === undefined || 'anchor' in window)
      return raw;
    return {
      kind: 'events',
      key: newKey(),
      modality: json.events,
      name,
      text: textValue,
      group,
      atLeast: text(count.atLeast),
      from: text(window.from),
      to: text(window.to),
    };
  }
  if (typeof json.matrix === 'string' && typeof json.feature === 'string') {
    const percentile = isRecord(json.percentile) ? json.percentile : undefined;
    if (percentile && Object.keys(percentile).length === 1) {
      const op = 'above' in percentile ? 'above' : 'below';
      return {
        kind: 'matrix',
        key: newKey(),
        modality: json.matrix,
        feature: json.feature,
        op,
        value: text(percentile[op]),
        valueTo: '',
      };
    }
    if (!percentile && typeof json.op === 'string') {
      const values = Array.isArray(json.values) ? json.values.map(text) : [];
      const between = json.op === 'between';
      return {
        kind: 'matrix',
        key: newKey(),
        modality: json.matrix,
        feature: json.feature,
        op: json.op,
        value: between ? (values[0] ?? '') : text(json.value),
        valueTo: between ? (values[1] ?? '') : '',
      };
    }
    return raw;
  }
  if (typeof json.variants === 'string' && hasOnly(json, ['variants', 'gene', 'consequence', 'zygosity'])) {
    const [gene, consequence, zygosity] = [
      single(json.gene),
      single(json.consequence),
      single(json.zygosity),
    ];
    if (gene === undefined || consequence === undefined || zygosity === undefined) return raw;
    return { kind: 'variants', key: newKey(), modality: json.variants, gene, consequence, zygosity };
  }
  return raw;
}

function nodeFromJson(json: unknown): DraftNode {
  if (!isRecord(json)) return { kind: 'raw', key: newKey(), json };
  const keys = Object.keys(json);
  if (keys.length === 0) return emptyCohort();
  if (keys.length === 1 && (Array.isArray(json.all) || Array.isArray(json.any))) {
    const combine = Array.isArray(json.all) ? 'all' : 'any';
    const children = (json[combine] as unknown[]).map(nodeFromJson);
    return { kind: 'group', key: newKey(), combine, children };
  }
  if (keys.length === 1 && 'not' in json) {
    const inner = json.not;
    const children =
      isRecord(inner) && Object.keys(inner).length === 1 && Array.isArray(inner.any)
        ? inner.any.map(nodeFromJson)
        : [nodeFromJson(inner)];
    return { kind: 'group', key: newKey(), combine: 'not', children };
  }
  return leafFromJson(json);
}

/** A draft of a cohort (e.g. a past run's); parts the builder cannot edit are kept as they are. */
export function cohortFromJson(json: unknown): CohortDraft {
  const node = nodeFromJson(json);
  if (node.kind === 'group') return node;
  return { kind: 'group', key: newKey(), combine: 'all', children: [node] };
}
