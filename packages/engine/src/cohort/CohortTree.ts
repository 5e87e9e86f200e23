import type {
  AttributeCriterion,
  EndpointCriterion,
  EventCriterion,
  FeatureCriterion,
  VariantCriterion,
} from '@plexus/spec';
import type {
  ManifestAttribute,
  ManifestEndpoint,
  ManifestEventsModality,
  ManifestMatrixModality,
  ManifestVariantsModality,
} from '../snapshot/Manifest.ts';

/** Phase 1 output: the cohort's shape checked, each node carrying the path people see in errors. */
export type NormalizedNode = { path: string } & (
  | { kind: 'every' }
  | { kind: 'all' | 'any'; children: NormalizedNode[] }
  | { kind: 'not'; child: NormalizedNode }
  | { kind: 'atLeast'; n: number; children: NormalizedNode[] }
  | { kind: 'attribute'; criterion: AttributeCriterion }
  | { kind: 'endpoint'; criterion: EndpointCriterion }
  | { kind: 'events'; criterion: EventCriterion }
  | { kind: 'feature'; criterion: FeatureCriterion }
  | { kind: 'variants'; criterion: VariantCriterion }
);

export interface NumberTest {
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'between';
  values: number[];
}

export interface EventFilter {
  modality: ManifestEventsModality;
  name?: string[];
  code?: string[];
  group?: string[];
  text?: string[];
}

export type ResolvedAnchor =
  | { kind: 'attribute'; attribute: ManifestAttribute }
  | { kind: 'events'; filter: EventFilter; occurrence: 'first' | 'last' };

/** Phase 2 output: every name replaced by the model object it denotes, every value checked. */
export type ResolvedNode =
  | { kind: 'every' }
  | { kind: 'all' | 'any'; children: ResolvedNode[] }
  | { kind: 'not'; child: ResolvedNode }
  | { kind: 'atLeast'; n: number; children: ResolvedNode[] }
  | {
      kind: 'attribute';
      attribute: ManifestAttribute;
      op: AttributeCriterion['op'];
      values: Array<string | number | boolean>;
    }
  | { kind: 'endpoint'; endpoint: ManifestEndpoint; event?: boolean; time?: NumberTest }
  | {
      kind: 'events';
      filter: EventFilter;
      value?: NumberTest;
      window?: { anchor?: ResolvedAnchor; from?: number; to?: number };
      atLeast: number;
    }
  | {
      kind: 'feature';
      modality: ManifestMatrixModality;
      feature: string;
      test?: NumberTest;
      percentile?: { above?: number; below?: number };
    }
  | {
      kind: 'variants';
      modality: ManifestVariantsModality;
      gene?: string[];
      chrom?: string;
      from?: number;
      to?: number;
      ref?: string[];
      alt?: string[];
      consequence?: string[];
      zygosity?: string[];
    };
