import type { Attribute, Endpoint, EventsModality, Join, Mapping, Source } from '@plexus/spec';

/** A mapping entry with the comment init writes above it (an inference the user should check). */
export interface Noted<T> {
  value: T;
  comment?: string;
}

export interface PlannedSource {
  id: string;
  source: Source;
  comment?: string;
  /** Comments above single column declarations, by column id. */
  columnComments?: Record<string, string>;
}

/** A file of the product's data/ folder: a copy of an input, or content init derived from the inputs. */
export interface DataFile {
  name: string;
  from?: string;
  content?: string;
}

/** Everything a generator decided, before anything is written: rendering and writing are separate steps. */
export interface ProductPlan {
  id: string;
  title: string;
  description: string;
  domain: string;
  tags: string[];
  entity: { singular: string; plural: string };
  license?: string;
  source?: string;
  dataFiles: DataFile[];
  /** A comment at the top of mapping.yaml: what was generated from what. */
  mappingComment: string;
  sources: PlannedSource[];
  entitySource: string;
  entityId: Mapping['entity']['id'];
  entityComment?: string;
  joins: Array<Noted<Join>>;
  attributes: Array<Noted<Attribute>>;
  endpoints: Array<Noted<Endpoint>>;
  modalities: Array<Noted<EventsModality>>;
  /** Defaults of the generated protocols: grouping attributes (any levels, two levels) and the endpoint. */
  protocols: { groupBy?: string; compareBy?: string; endpoint?: string };
  /** Inferences the user must check, for the next-steps message. */
  checks: string[];
}

export function noted<T>(value: T, comment?: string): Noted<T> {
  return comment === undefined ? { value } : { value, comment };
}

/** Attributes to group by, from (id, number of levels) pairs: preferred names first, two levels for comparisons. */
export function groupingDefaults(
  candidates: ReadonlyArray<{ id: string; levels: number }>,
  preferred: RegExp,
): { groupBy?: string; compareBy?: string } {
  const usable = candidates.filter((candidate) => candidate.levels >= 2 && candidate.levels <= 8);
  const ordered = [
    ...usable.filter((c) => preferred.test(c.id)),
    ...usable.filter((c) => !preferred.test(c.id)),
  ];
  const groupBy = ordered[0]?.id;
  const compareBy = ordered.find((candidate) => candidate.levels === 2)?.id;
  return { ...(groupBy ? { groupBy } : {}), ...(compareBy ? { compareBy } : {}) };
}
