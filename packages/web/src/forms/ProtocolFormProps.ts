import type { CohortCountView, FeatureHitView, JsonSchema, ModelView } from '../api/types.ts';

/** The form of one protocol, generated from its parameter schema: no hand-written form per protocol. */
export interface ProtocolFormProps {
  /** The protocol's `parameters` (a JSON Schema object: properties, required, defaults, enums). */
  parameters: JsonSchema;
  model: ModelView;
  /** Called with the parameters when the user presses Run. */
  onSubmit: (params: Record<string, unknown>) => void;
  /** Initial values (e.g. a past run's parameters). */
  initial?: Record<string, unknown>;
  /** A run is executing: the Run button is disabled. */
  busy?: boolean;
  /** The submit button's text; default "Run" (a federated question: "Ask all sites"). */
  submitLabel?: string;
  /** Counts a cohort on the node (POST …/cohorts/count); rejects with an Error whose message says why. */
  countCohort: (cohort: unknown) => Promise<CohortCountView>;
  /** Searches a modality's features/event names/genes (GET …/features?modality=&q=). */
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}
