import { type Static, Type } from '@sinclair/typebox';
import { API_VERSION } from '../apiVersion.ts';

/** Identifiers end up as SQL column names and URL segments, so they are deliberately narrow. */
export const IdentifierSchema = Type.String({
  pattern: '^[a-z][a-z0-9_]*$',
  maxLength: 63,
  description: 'Lower-case letters, digits and underscores, starting with a letter (e.g. karnofsky_score).',
});

/** Product and protocol ids are URL segments: lower-case kebab case. */
export const SlugSchema = Type.String({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  maxLength: 63,
  description: 'Lower-case letters and digits separated by single hyphens (e.g. va-lung-trial).',
});

export const SemVerSchema = Type.String({
  pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$',
  description: 'A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0).',
});

export const ApiVersionSchema = Type.Literal(API_VERSION, { description: `Always ${API_VERSION}.` });

export const ColumnTypeSchema = Type.Union(
  [
    Type.Literal('integer'),
    Type.Literal('number'),
    Type.Literal('boolean'),
    Type.Literal('category'),
    Type.Literal('date'),
    Type.Literal('text'),
  ],
  { description: 'integer, number, boolean, category, date or text.' },
);

export const ScalarSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

export type ColumnType = Static<typeof ColumnTypeSchema>;
