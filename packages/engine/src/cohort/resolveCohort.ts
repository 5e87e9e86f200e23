import {
  describeValue,
  didYouMean,
  type ErrorDetail,
  type EventAnchor,
  InputError,
  type NumberCondition,
} from '@plexus/spec';
import type {
  ManifestAttribute,
  ManifestEndpoint,
  ManifestEventsModality,
  ManifestMatrixModality,
  ManifestModality,
} from '../snapshot/Manifest.ts';
import type { EventFilter, NormalizedNode, NumberTest, ResolvedAnchor, ResolvedNode } from './CohortTree.ts';

export interface CohortModel {
  attributes: readonly ManifestAttribute[];
  endpoints: readonly ManifestEndpoint[];
  modalities: readonly ManifestModality[];
}

/** Finds a feature of a matrix modality by id or unique name. */
export type FeatureLookup = (
  modality: ManifestMatrixModality,
  feature: string,
) => Promise<{ id: string } | { error: string; allowed?: string[] }>;

const ORDERED = new Set(['integer', 'number', 'date']);

function expectedValue(attribute: ManifestAttribute): string {
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return 'a number';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'boolean':
      return 'true or false';
    case 'category':
      return `one of ${(attribute.levels ?? []).join(', ')}`;
    case 'text':
      return 'a string';
  }
}

function fitsAttribute(attribute: ManifestAttribute, value: unknown): boolean {
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      // Date.parse takes 2020-02-30 for 1 March: only a date that reads back the same is one.
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value)) &&
        new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'category':
      return typeof value === 'string' && (attribute.levels ?? []).includes(value);
    case 'text':
      return typeof value === 'string';
  }
}

const numberTest = (condition: NumberCondition): NumberTest => ({
  op: condition.op,
  values: condition.op === 'between' ? (condition.values ?? []) : [condition.value ?? Number.NaN],
});

/**
 * Phase 2 — resolve: looks every name up in the model (attributes, endpoints, modalities, features) and
 * checks every value against its type. Afterwards only model objects remain: nothing of the request's
 * text can reach SQL as an identifier.
 */
export async function resolveCohort(
  root: NormalizedNode,
  model: CohortModel,
  lookupFeature: FeatureLookup,
): Promise<ResolvedNode> {
  const details: ErrorDetail[] = [];
  const problem = (at: string, message: string, extra: Partial<ErrorDetail> = {}) =>
    details.push({ at, message: `${at}: ${message}`, ...extra });

  const modalityOf = <K extends ManifestModality['kind']>(
    id: string,
    kind: K,
    at: string,
  ): Extract<ManifestModality, { kind: K }> | undefined => {
    const found = model.modalities.find((modality) => modality.id === id);
    const ofKind = model.modalities
      .filter((modality) => modality.kind === kind)
      .map((modality) => modality.id);
    if (!found) {
      problem(
        at,
        `unknown ${kind} modality '${id}'${didYouMean(id, ofKind)}${ofKind.length > 0 ? ` (the product has: ${ofKind.join(', ')})` : ` (the product has no ${kind} modality)`}`,
        { found: id, allowed: ofKind },
      );
      return undefined;
    }
    if (found.kind !== kind) {
      problem(at, `'${id}' is a ${found.kind} modality, not ${kind}`, { found: id, allowed: ofKind });
      return undefined;
    }
    return found as Extract<ManifestModality, { kind: K }>;
  };

  const eventFilter = (
    criterion: { events: string; name?: string[]; code?: string[]; group?: string[]; text?: string[] },
    path: string,
  ): EventFilter | undefined => {
    const modality = modalityOf(criterion.events, 'events', `${path}.events`);
    if (!modality) return undefined;
    for (const field of ['code', 'group', 'text'] as const) {
      if (criterion[field] !== undefined && !modality.fields.includes(field))
        problem(
          `${path}.${field}`,
          `events of '${modality.id}' have no ${field}; the mapping fills ${['name', ...modality.fields].join(', ')}`,
        );
    }
    return {
      modality,
      ...(criterion.name ? { name: criterion.name } : {}),
      ...(criterion.code ? { code: criterion.code } : {}),
      ...(criterion.group ? { group: criterion.group } : {}),
      ...(criterion.text ? { text: criterion.text } : {}),
    };
  };

  const anchorOf = (
    anchor: EventAnchor,
    events: ManifestEventsModality,
    path: string,
  ): ResolvedAnchor | undefined => {
    if ('attribute' in anchor) {
      const attribute = model.attributes.find((candidate) => candidate.id === anchor.attribute);
      if (!attribute) {
        const usable = model.attributes
          .filter((candidate) => ORDERED.has(candidate.type))
          .map((candidate) => candidate.id);
        problem(
          `${path}.attribute`,
          `unknown attribute '${anchor.attribute}'${didYouMean(anchor.attribute, usable)}`,
          { found: anchor.attribute, allowed: usable },
        );
        return undefined;
      }
      const wanted = events.timeKind === 'date' ? ['date'] : ['integer', 'number'];
      if (!wanted.includes(attribute.type)) {
        problem(
          `${path}.attribute`,
          `events of '${events.id}' are timed by ${events.timeKind === 'date' ? 'date, so the anchor must be a date attribute' : 'days from an origin, so the anchor must be a number of days'}; '${attribute.id}' is ${attribute.type}`,
        );
        return undefined;
      }
      return { kind: 'attribute', attribute };
    }
    const filter = eventFilter(anchor, path);
    if (!filter) return undefined;
    if (filter.modality.timeKind !== events.timeKind) {
      problem(
        `${path}.events`,
        `'${filter.modality.id}' is timed by ${filter.modality.timeKind} and '${events.id}' by ${events.timeKind}: their times cannot be compared`,
      );
      return undefined;
    }
    return { kind: 'events', filter, occurrence: anchor.occurrence ?? 'first' };
  };

  const visit = async (node: NormalizedNode): Promise<ResolvedNode | undefined> => {
    const path = node.path;
    switch (node.kind) {
      case 'every':
        return { kind: 'every' };
      case 'all':
      case 'any': {
        const children = await Promise.all(node.children.map(visit));
        return children.every(Boolean)
          ? { kind: node.kind, children: children as ResolvedNode[] }
          : undefined;
      }
      case 'not': {
        const child = await visit(node.child);
        return child ? { kind: 'not', child } : undefined;
      }
      case 'atLeast': {
        const children = await Promise.all(node.children.map(visit));
        return children.every(Boolean)
          ? { kind: 'atLeast', n: node.n, children: children as ResolvedNode[] }
          : undefined;
      }
      case 'attribute': {
        const { criterion } = node;
        const attribute = model.attributes.find((candidate) => candidate.id === criterion.attribute);
        const known = model.attributes.map((candidate) => candidate.id);
        if (!attribute) {
          problem(
            `${path}.attribute`,
            `unknown attribute '${criterion.attribute}'${didYouMean(criterion.attribute, known)}`,
            { found: criterion.attribute, allowed: known },
          );
          return undefined;
        }
        const op = criterion.op;
        if (['lt', 'lte', 'gt', 'gte', 'between'].includes(op) && !ORDERED.has(attribute.type)) {
          problem(
            `${path}.op`,
            `'${op}' needs a number or date attribute, but '${attribute.id}' is ${attribute.type}; use eq, ne, in or notIn`,
            { found: op, allowed: ['eq', 'ne', 'in', 'notIn', 'missing', 'present'] },
          );
          return undefined;
        }
        if (op === 'missing' || op === 'present') return { kind: 'attribute', attribute, op, values: [] };
        const listed = op === 'in' || op === 'notIn' || op === 'between';
        const values = listed ? (criterion.values ?? []) : [criterion.value as string | number | boolean];
        let ok = true;
        values.forEach((value, index) => {
          if (fitsAttribute(attribute, value)) return;
          ok = false;
          const at = listed ? `${path}.values[${index}]` : `${path}.value`;
          problem(
            at,
            `expected ${expectedValue(attribute)} for attribute '${attribute.id}', found ${describeValue(value)}`,
            {
              expected: expectedValue(attribute),
              found: value,
              ...(attribute.type === 'category' ? { allowed: attribute.levels ?? [] } : {}),
            },
          );
        });
        return ok ? { kind: 'attribute', attribute, op, values } : undefined;
      }
      case 'endpoint': {
        const { criterion } = node;
        const endpoint = model.endpoints.find((candidate) => candidate.id === criterion.endpoint);
        if (!endpoint) {
          const known = model.endpoints.map((candidate) => candidate.id);
          problem(
            `${path}.endpoint`,
            `unknown endpoint '${criterion.endpoint}'${didYouMean(criterion.endpoint, known)}`,
            { found: criterion.endpoint, allowed: known },
          );
          return undefined;
        }
        return {
          kind: 'endpoint',
          endpoint,
          ...(criterion.event !== undefined ? { event: criterion.event } : {}),
          ...(criterion.time ? { time: numberTest(criterion.time) } : {}),
        };
      }
      case 'events': {
        const { criterion } = node;
        const filter = eventFilter(criterion, path);
        if (!filter) return undefined;
        if (criterion.value && !filter.modality.fields.includes('value')) {
          problem(`${path}.value`, `events of '${filter.modality.id}' have no numeric value`);
          return undefined;
        }
        let window: { anchor?: ResolvedAnchor; from?: number; to?: number } | undefined;
        if (criterion.window) {
          const anchor = criterion.window.anchor
            ? anchorOf(criterion.window.anchor, filter.modality, `${path}.window.anchor`)
            : undefined;
          if (criterion.window.anchor && !anchor) return undefined;
          window = {
            ...(anchor ? { anchor } : {}),
            ...(criterion.window.from !== undefined ? { from: criterion.window.from } : {}),
            ...(criterion.window.to !== undefined ? { to: criterion.window.to } : {}),
          };
        }
        return {
          kind: 'events',
          filter,
          ...(criterion.value ? { value: numberTest(criterion.value) } : {}),
          ...(window ? { window } : {}),
          atLeast: criterion.count?.atLeast ?? 1,
        };
      }
      case 'feature': {
        const { criterion } = node;
        const modality = modalityOf(criterion.matrix, 'matrix', `${path}.matrix`);
        if (!modality) return undefined;
        const found = await lookupFeature(modality, criterion.feature);
        if ('error' in found) {
          problem(`${path}.feature`, found.error, {
            found: criterion.feature,
            ...(found.allowed ? { allowed: found.allowed } : {}),
          });
          return undefined;
        }
        return {
          kind: 'feature',
          modality,
          feature: found.id,
          ...(criterion.op
            ? {
                test: numberTest({
                  op: criterion.op,
                  ...(criterion.value !== undefined ? { value: criterion.value } : {}),
                  ...(criterion.values ? { values: criterion.values } : {}),
                }),
              }
            : {}),
          ...(criterion.percentile ? { percentile: criterion.percentile } : {}),
        };
      }
      case 'variants': {
        const { criterion } = node;
        const modality = modalityOf(criterion.variants, 'variants', `${path}.variants`);
        if (!modality) return undefined;
        const { variants: _id, ...filters } = criterion;
        const absent = (['gene', 'consequence', 'zygosity'] as const).filter(
          (field) => filters[field] !== undefined && !modality.fields.includes(field),
        );
        for (const field of absent)
          problem(
            `${path}.${field}`,
            `variants of '${modality.id}' have no ${field}${modality.fields.length > 0 ? `; they have ${modality.fields.join(', ')}` : ''}`,
          );
        return absent.length > 0 ? undefined : { kind: 'variants', modality, ...filters };
      }
    }
  };

  const resolved = await visit(root);
  if (!resolved || details.length > 0) {
    throw new InputError(`invalid cohort: ${details.map((detail) => detail.message).join('; ')}`, details);
  }
  return resolved;
}
