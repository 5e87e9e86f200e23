/** The provenance of a result as flat fields for display (pure; absent fields stay undefined). */
import { isRecord } from '../components/isRecord.ts';
import { text } from './blocks.ts';

export interface CallView {
  kind?: string;
  node: string;
  product?: string;
  productVersion?: string;
  protocol?: string;
  protocolVersion?: string;
  dataVersion?: string;
  error?: string;
}

export interface ProvenanceView {
  product?: string;
  productVersion?: string;
  dataVersion?: string;
  gitCommit?: string;
  protocol?: string;
  protocolVersion?: string;
  pluginModule?: string;
  pluginExport?: string;
  pluginSha256?: string;
  engineVersion?: string;
  parameters?: Record<string, unknown>;
  calls: CallView[];
}

function field(value: unknown, key: string): string | undefined {
  return isRecord(value) ? text(value[key]) : undefined;
}

function callView(call: Record<string, unknown>): CallView {
  const error = isRecord(call.error)
    ? [text(call.error.code), text(call.error.message)].filter(Boolean).join(': ')
    : undefined;
  return {
    kind: text(call.kind),
    node: text(call.node) ?? 'this node',
    product: field(call.product, 'id'),
    productVersion: field(call.product, 'version'),
    protocol: field(call.protocol, 'id'),
    protocolVersion: field(call.protocol, 'version'),
    dataVersion: text(call.dataVersion),
    error: error || undefined,
  };
}

export function provenanceView(provenance: Record<string, unknown>): ProvenanceView {
  return {
    product: field(provenance.product, 'id'),
    productVersion: field(provenance.product, 'version'),
    dataVersion: text(provenance.dataVersion),
    gitCommit: text(provenance.gitCommit),
    protocol: field(provenance.protocol, 'id'),
    protocolVersion: field(provenance.protocol, 'version'),
    pluginModule: field(provenance.plugin, 'module'),
    pluginExport: field(provenance.plugin, 'export'),
    pluginSha256: field(provenance.plugin, 'sha256'),
    engineVersion: text(provenance.engineVersion),
    parameters: isRecord(provenance.parameters) ? provenance.parameters : undefined,
    calls: Array.isArray(provenance.calls) ? provenance.calls.filter(isRecord).map(callView) : [],
  };
}
