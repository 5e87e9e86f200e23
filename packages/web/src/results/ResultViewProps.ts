/** A result document as the node returns it (result.schema.json): title, summary, blocks, provenance. */
export interface ResultDocumentView {
  apiVersion: string;
  kind: 'Result';
  title: string;
  summary?: string;
  blocks: Array<Record<string, unknown> & { id: string; type: 'markdown' | 'table' | 'statistic' | 'chart' }>;
  provenance: Record<string, unknown>;
}

export interface ResultViewProps {
  result: ResultDocumentView;
  /** A label that tells two results apart when shown side by side (e.g. "Run 3f2a…"). */
  label?: string;
  /** Ids of blocks to mark as differing from another result (used by RunComparison). */
  highlight?: ReadonlySet<string>;
}
