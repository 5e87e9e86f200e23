import type { ColumnType, Parameter } from '@plexus/spec';
import { isRequired } from '../parameters/compileParameterSchema.ts';
import type { ContractChange } from './ContractChange.ts';

const ALL_COLUMN_TYPES: readonly ColumnType[] = ['integer', 'number', 'boolean', 'category', 'date', 'text'];
const ALL_MODALITY_KINDS = ['events', 'matrix', 'variants'] as const;

type Change = Omit<ContractChange, 'protocol' | 'parameter'>;

interface Bound {
  value: number;
  exclusive: boolean;
}

const show = (value: unknown): string => JSON.stringify(value);
const list = (values: readonly unknown[]): string => values.map((value) => String(value)).join(', ');

/** Values of `before` missing from `after`, and the reverse; undefined stands for every value of `all`. */
function setDelta<T>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  all: readonly T[] = [],
): { removed: T[]; added: T[] } {
  const from = before ?? all;
  const to = after ?? all;
  return {
    removed: from.filter((value) => !to.includes(value)),
    added: to.filter((value) => !from.includes(value)),
  };
}

function setChanges(what: string, delta: { removed: unknown[]; added: unknown[] }): Change[] {
  const changes: Change[] = [];
  if (delta.removed.length > 0)
    changes.push({
      kind: 'parameter-narrowed',
      breaking: true,
      message: `${what} no longer allowed: ${list(delta.removed)}`,
    });
  if (delta.added.length > 0)
    changes.push({
      kind: 'parameter-widened',
      breaking: false,
      message: `${what} now also allowed: ${list(delta.added)}`,
    });
  return changes;
}

/** The tighter of two bounds on the same side; `above` says whether larger values are tighter (lower bounds). */
function tighter(a: Bound | undefined, b: Bound | undefined, above: boolean): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value > b.value === above ? a : b;
  return a.exclusive ? a : b;
}

function bounds(parameter: Parameter): { lower?: Bound; upper?: Bound } {
  if (parameter.type !== 'number' && parameter.type !== 'integer') return {};
  const exclusiveMinimum = parameter.type === 'number' ? parameter.exclusiveMinimum : undefined;
  const exclusiveMaximum = parameter.type === 'number' ? parameter.exclusiveMaximum : undefined;
  const bound = (value: number | undefined, exclusive: boolean) =>
    value === undefined ? undefined : { value, exclusive };
  const lower = tighter(bound(parameter.minimum, false), bound(exclusiveMinimum, true), true);
  const upper = tighter(bound(parameter.maximum, false), bound(exclusiveMaximum, true), false);
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

function boundText(bound: Bound | undefined, side: 'lower' | 'upper'): string {
  if (!bound) return 'none';
  return `${side === 'lower' ? '>' : '<'}${bound.exclusive ? '' : '='} ${bound.value}`;
}

function boundChanges(before: Parameter, after: Parameter): Change[] {
  const changes: Change[] = [];
  const from = bounds(before);
  const to = bounds(after);
  for (const side of ['lower', 'upper'] as const) {
    const a = from[side];
    const b = to[side];
    if (a?.value === b?.value && a?.exclusive === b?.exclusive) continue;
    const what = `${side} bound ${boundText(a, side)} → ${boundText(b, side)}`;
    const narrowed = tighter(a, b, side === 'lower') === b;
    changes.push(
      narrowed
        ? {
            kind: 'parameter-narrowed',
            breaking: true,
            message: `${what}: values allowed before are refused`,
          }
        : { kind: 'parameter-widened', breaking: false, message: what },
    );
  }
  return changes;
}

function countChanges(
  what: string,
  before: number | undefined,
  after: number | undefined,
  isMinimum: boolean,
): Change[] {
  if (before === after) return [];
  const text = `${what} ${before ?? 'none'} → ${after ?? 'none'}`;
  const limit = isMinimum ? 0 : Number.POSITIVE_INFINITY;
  const a = before ?? limit;
  const b = after ?? limit;
  const narrowed = isMinimum ? b > a : b < a;
  return [
    narrowed
      ? { kind: 'parameter-narrowed', breaking: true, message: text }
      : { kind: 'parameter-widened', breaking: false, message: text },
  ];
}

function allowedValueChanges(before: Parameter, after: Parameter): Change[] {
  if (before.type === 'enum' && after.type === 'enum')
    return setChanges('values', setDelta(before.values, after.values));
  if (
    (before.type === 'attribute' && after.type === 'attribute') ||
    (before.type === 'attributes' && after.type === 'attributes')
  ) {
    const changes = setChanges(
      'attribute types',
      setDelta(before.attributeTypes, after.attributeTypes, ALL_COLUMN_TYPES),
    );
    if (before.type === 'attributes' && after.type === 'attributes')
      changes.push(
        ...countChanges('minItems', before.minItems, after.minItems, true),
        ...countChanges('maxItems', before.maxItems, after.maxItems, false),
      );
    return changes;
  }
  if (before.type === 'modality' && after.type === 'modality')
    return setChanges('modality kinds', setDelta(before.kinds, after.kinds, ALL_MODALITY_KINDS));
  if (before.type === 'feature' && after.type === 'feature' && before.modality !== after.modality)
    return [
      {
        kind: 'parameter-narrowed',
        breaking: true,
        message: `features now come from modality ${after.modality ?? '(the only matrix)'} instead of ${before.modality ?? '(the only matrix)'}`,
      },
    ];
  if (before.type === 'string' && after.type === 'string') {
    const changes = countChanges('maxLength', before.maxLength, after.maxLength, false);
    if (before.pattern !== after.pattern)
      changes.push(
        after.pattern === undefined
          ? { kind: 'parameter-widened', breaking: false, message: `pattern ${before.pattern} removed` }
          : {
              kind: 'parameter-narrowed',
              breaking: true,
              message: `pattern ${before.pattern ?? 'none'} → ${after.pattern}: text allowed before may be refused`,
            },
      );
    return changes;
  }
  return boundChanges(before, after);
}

/** The changes of one parameter present in both contracts, judged from a caller's point of view. */
export function diffParameter(before: Parameter, after: Parameter): Change[] {
  if (before.type !== after.type)
    return [
      {
        kind: 'parameter-type-changed',
        breaking: true,
        message: `type ${before.type} → ${after.type}`,
      },
    ];
  const changes: Change[] = [];
  const wasRequired = isRequired(before);
  const nowRequired = isRequired(after);
  if (!wasRequired && nowRequired)
    changes.push({
      kind: 'parameter-now-required',
      breaking: true,
      message: 'now required: calls without it are refused',
    });
  if (wasRequired && !nowRequired)
    changes.push({ kind: 'parameter-now-optional', breaking: false, message: 'now optional' });
  changes.push(...allowedValueChanges(before, after));
  const oldDefault = 'default' in before ? before.default : undefined;
  const newDefault = 'default' in after ? after.default : undefined;
  if (show(oldDefault) !== show(newDefault))
    changes.push({
      kind: 'parameter-default-changed',
      breaking: false,
      message:
        oldDefault === undefined
          ? `default ${show(newDefault)} added`
          : newDefault === undefined
            ? `default ${show(oldDefault)} removed`
            : `default ${show(oldDefault)} → ${show(newDefault)}: calls that leave it out get other results`,
    });
  return changes;
}
