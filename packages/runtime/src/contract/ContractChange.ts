/** What changed between two contracts of a product. */
export type ContractChangeKind =
  | 'product-id-changed'
  | 'protocol-removed'
  | 'protocol-added'
  | 'parameter-removed'
  | 'parameter-renamed'
  | 'parameter-added'
  | 'parameter-type-changed'
  | 'parameter-narrowed'
  | 'parameter-widened'
  | 'parameter-now-required'
  | 'parameter-now-optional'
  | 'parameter-default-changed'
  | 'attribute-removed'
  | 'attribute-added'
  | 'attribute-type-changed'
  | 'level-removed'
  | 'level-added'
  | 'endpoint-removed'
  | 'endpoint-added'
  | 'modality-removed'
  | 'modality-added'
  | 'modality-kind-changed'
  | 'result-removed'
  | 'result-added'
  | 'result-now-optional'
  | 'result-now-guaranteed'
  | 'result-type-changed';

/**
 * One change between two contracts. Breaking: a client written against the old contract may fail
 * against the new one (a call that was valid is refused, a block it reads is gone).
 */
export interface ContractChange {
  kind: ContractChangeKind;
  breaking: boolean;
  protocol?: string;
  parameter?: string;
  attribute?: string;
  message: string;
}
