import {
  type ProductDescriptor,
  type ProductRegistry,
  type ProductService,
  type ProtocolSummary,
  sha256Hex,
} from '@plexus/runtime';
import { API_VERSION, InputError, NotFoundError, type Run } from '@plexus/spec';
import { registryOf } from './registryOf.ts';

/**
 * Test fixture: a registry with one hand-written product, so the HTTP layer is tested without DuckDB or
 * plugins. Its protocols cover the outcomes the server must relay: a result, bad parameters, a failed
 * run, and a bug in the service.
 */
const FAKE_FEATURES = [
  { id: '1956_s_at', name: 'EGFR' },
  { id: '1957_at', name: 'EGFR' },
  { id: '2000_at', name: 'KRAS' },
];

export const FAKE_PRODUCT_ID = 'fake-trial';

const ARMS = ['standard', 'test'];

const protocols: ProtocolSummary[] = [
  {
    id: 'describe-arm',
    version: '1.0.0',
    title: 'Describe an arm',
    description: 'Counts the patients of one treatment arm.',
    category: 'descriptive',
    parameters: {
      type: 'object',
      properties: { arm: { type: 'string', enum: ARMS, default: 'standard' } },
      additionalProperties: false,
    },
  },
  {
    id: 'always-fails',
    version: '1.0.0',
    title: 'A plugin that fails',
    description: 'Its plugin always crashes, so the run fails.',
    category: 'testing',
    parameters: { type: 'object', properties: {} },
  },
  {
    id: 'service-bug',
    version: '1.0.0',
    title: 'A service with a bug',
    description: 'The service itself throws a plain Error, as a bug would.',
    category: 'testing',
    parameters: { type: 'object', properties: {} },
  },
];

export const FAKE_DESCRIPTOR: ProductDescriptor = {
  id: FAKE_PRODUCT_ID,
  title: 'Fake lung cancer trial',
  version: '1.2.0',
  description: 'A **fake** product for tests.',
  domain: 'oncology',
  owners: [{ name: 'Test Team', email: 'team@example.org', role: 'data steward' }],
  tags: ['lung', 'test'],
  entity: { singular: 'patient', plural: 'patients', count: 137 },
  dataVersion: 'snap-0001',
  definitionHash: '0123456789abcdef',
  gitCommit: null,
  builtAt: '2024-05-01T12:00:00.000Z',
};

/** A secret a buggy service might put in an error message; it must never reach a response. */
export const FAKE_BUG_MESSAGE = 'connect ECONNREFUSED /var/secret/duckdb.sock at Object.query (engine.ts:42)';

function runOf(protocolId: string, outcome: Pick<Run, 'status'> & Partial<Run>): Run {
  return {
    id: `run-${protocolId}`,
    productId: FAKE_PRODUCT_ID,
    protocolId,
    startedAt: '2024-05-02T08:30:00.000Z',
    durationMs: 12.5,
    ...outcome,
  };
}

function describeArm(params: Record<string, unknown>): Run {
  const arm = params.arm ?? 'standard';
  if (typeof arm !== 'string' || !ARMS.includes(arm)) {
    throw new InputError('Parameter arm is invalid.', [
      {
        at: 'arm',
        message: 'must be one of the arms',
        expected: 'a treatment arm',
        found: arm,
        allowed: ARMS,
      },
    ]);
  }
  // A variable, not an inline literal: the spec types a chart spec as `{ $schema }` plus anything.
  const chartSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    mark: 'bar',
    data: { values: [{ arm, n: 69 }] },
    encoding: { x: { field: 'arm' }, y: { field: 'n', type: 'quantitative' } },
  };
  return runOf('describe-arm', {
    status: 'succeeded',
    result: {
      apiVersion: API_VERSION,
      kind: 'Result',
      title: `Arm ${arm}`,
      summary: '69 patients.',
      blocks: [
        { id: 'intro', type: 'markdown', text: '# Arm\nCounts *only*.' },
        {
          id: 'counts',
          type: 'table',
          title: 'Counts',
          columns: [
            { id: 'arm', label: 'Arm', type: 'string' },
            { id: 'n', label: 'Patients', type: 'integer' },
            { id: 'age', label: 'Mean age', type: 'number', unit: 'years' },
          ],
          rows: [
            [arm, 69, 58.3],
            ['missing', 0, null],
          ],
        },
        {
          id: 'mean-age',
          type: 'statistic',
          name: 'mean age',
          value: 58.3,
          unit: 'years',
          ci: { lower: 56.1, upper: 60.5, level: 0.95 },
          p: null,
          method: 't',
        },
        {
          id: 'chart',
          type: 'chart',
          spec: chartSpec,
        },
      ],
      provenance: {
        product: { id: FAKE_PRODUCT_ID, version: '1.2.0' },
        dataVersion: 'snap-0001',
        gitCommit: null,
        protocol: { id: 'describe-arm', version: '1.0.0' },
        plugin: { module: 'plugins/describe.ts', export: 'describeArm', sha256: 'a'.repeat(64) },
        engineVersion: '0.1.0',
        parameters: { arm },
      },
    },
  });
}

export const FAKE_VERSIONS = {
  productVersion: '1.2.0',
  definitionHash: '0123456789abcdef',
  gitCommit: null,
  dataVersion: 'snap-0001',
  engineVersion: '0.1.0',
};

const fakeProduct: ProductService = {
  id: FAKE_PRODUCT_ID,
  versions: FAKE_VERSIONS,
  // `this` is whichever product object the call is made on: tests copy the fake under other ids.
  async prepare(this: ProductService, protocolId, params) {
    const values = (params ?? {}) as Record<string, unknown>;
    if (!protocols.some((protocol) => protocol.id === protocolId))
      throw new NotFoundError(`No protocol '${protocolId}'.`);
    if (protocolId === 'describe-arm') describeArm(values);
    // A bug before the run starts: the request itself fails (500), no run is recorded.
    if (protocolId === 'service-bug') throw new Error(FAKE_BUG_MESSAGE);
    const resolved = protocolId === 'describe-arm' ? { arm: values.arm ?? 'standard' } : values;
    return {
      productId: this.id,
      protocolId,
      protocolVersion: '1.0.0',
      pluginSha256: 'a'.repeat(64),
      versions: this.versions,
      params: resolved,
      requestKey: sha256Hex(JSON.stringify([this.id, this.versions, protocolId, resolved])),
    };
  },
  async execute(this: ProductService, prepared) {
    const run = await this.run(prepared.protocolId, prepared.params);
    return {
      status: run.status === 'succeeded' ? 'succeeded' : 'failed',
      durationMs: run.durationMs,
      ...(run.result ? { result: run.result } : {}),
      ...(run.error ? { error: run.error } : {}),
    };
  },
  async countCohort(this: ProductService, cohort) {
    if (cohort !== null && typeof cohort === 'object' && 'bad' in cohort) {
      throw new InputError('invalid cohort', [{ at: 'cohort.bad', message: 'unknown key' }]);
    }
    return {
      count: 137,
      entity: { singular: 'patient', plural: 'patients' },
      attrition: [{ step: 0, criterion: 'all patients', count: 137 }],
      product: { id: this.id, version: this.versions.productVersion },
      dataVersion: this.versions.dataVersion,
    };
  },
  accessDefaults: () => ({ visibility: 'public', everyone: 'analyst' }),
  descriptor: () => FAKE_DESCRIPTOR,
  model: () => ({
    entity: FAKE_DESCRIPTOR.entity,
    attributes: [
      {
        id: 'age',
        label: 'Age',
        type: 'integer',
        unit: 'years',
        summary: { count: 137, missing: 0, min: 34, max: 81, mean: 58.3, sd: 10.5, quartiles: [51, 62, 66] },
      },
      {
        id: 'arm',
        label: 'Treatment arm',
        type: 'category',
        levels: ARMS,
        summary: {
          count: 137,
          missing: 0,
          levels: [
            { value: 'standard', count: 69 },
            { value: 'test', count: 68 },
          ],
        },
      },
      {
        id: 'enrolled',
        label: 'Enrolled',
        type: 'date',
        summary: { count: 137, missing: 2, first: '2001-01-03', last: '2003-12-30' },
      },
    ],
    endpoints: [
      {
        id: 'os',
        label: 'Overall survival',
        unit: 'days',
        summary: { count: 137, events: 128, censored: 9, missing: 0 },
      },
    ],
    modalities: [
      {
        id: 'expression',
        kind: 'matrix',
        label: 'Gene expression',
        unit: 'log2',
        rows: 3,
        entities: 137,
        dropped: 0,
        features: 3,
        hasNames: true,
        summary: { min: 1.5, max: 12.25, mean: 7.5, missing: 0 },
      },
    ],
  }),
  searchFeatures: async (modality, text) => {
    if (modality !== 'expression')
      throw new InputError(`unknown modality '${modality}'`, [
        { at: 'modality', message: 'unknown modality' },
      ]);
    return FAKE_FEATURES.filter(
      (feature) =>
        feature.id.toLowerCase().includes(text.toLowerCase()) ||
        feature.name?.toLowerCase().includes(text.toLowerCase()),
    );
  },
  protocols: () => protocols,
  run: async (protocolId, params) => {
    const values = (params ?? {}) as Record<string, unknown>;
    switch (protocolId) {
      case 'describe-arm':
        return describeArm(values);
      case 'always-fails':
        return runOf(protocolId, {
          status: 'failed',
          error: { code: 'PLUGIN_FAILED', message: 'The plugin crashed.' },
        });
      case 'service-bug':
        throw new Error(FAKE_BUG_MESSAGE);
      default:
        throw new NotFoundError(`No protocol '${protocolId}'.`);
    }
  },
};

/** A registry serving only the fake product. */
export function createFakeRegistry(): ProductRegistry {
  return registryOf([fakeProduct]);
}
