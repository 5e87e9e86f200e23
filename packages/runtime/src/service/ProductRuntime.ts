import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import {
  ENGINE_VERSION,
  type FeatureHit,
  gitState,
  loadProductFolder,
  type ProductDefinition,
  SnapshotReader,
  SnapshotStore,
  snapshotRootFor,
} from '@plexus/engine';
import type { Problem, Protocol, ResultDocument, Run } from '@plexus/spec';
import {
  API_VERSION,
  didYouMean,
  type ErrorDetail,
  formatLocation,
  formatProblem,
  hasErrors,
  InputError,
  NotFoundError,
} from '@plexus/spec';
import { compileParameterSchema } from '../parameters/compileParameterSchema.ts';
import { validateParameters } from '../parameters/validateParameters.ts';
import type { PluginHost } from '../plugins/PluginHost.ts';
import { PluginRunError } from '../plugins/PluginRunError.ts';
import type { LoadedProtocol } from '../protocols/LoadedProtocol.ts';
import { loadProtocols } from '../protocols/loadProtocols.ts';
import { normalizeOutput } from '../results/normalizeOutput.ts';
import {
  type CohortCount,
  type ModelView,
  modalityView,
  type ProductAccessDefaults,
  type ProductDescriptor,
  type ProductService,
  type ProtocolSummary,
} from './ProductService.ts';

export interface ProductRuntimeOptions {
  host: PluginHost;
  snapshotRoot?: string;
  /** A folder holding the snapshots of many products, one subfolder per product id. */
  dataDir?: string;
  defaultTimeoutMs?: number;
  defaultMemoryMb?: number;
  /** Row limit and timeout of plugin SQL. */
  sqlMaxRows?: number;
  sqlTimeoutMs?: number;
}

/** A protocol of one cohort parameter: the cohort count is checked exactly as a protocol's cohort is. */
const COHORT_ONLY: Protocol = {
  apiVersion: API_VERSION,
  kind: 'Protocol',
  id: 'cohort-count',
  version: '1.0.0',
  title: 'Cohort count',
  description: 'Counts the entities of a cohort.',
  category: 'cohort',
  parameters: { cohort: { type: 'cohort' } },
  plugin: { module: 'none', export: 'none' },
};

function problemsError(dir: string, what: string, problems: Problem[]): InputError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  return new InputError(
    `${what} in ${dir}:\n${errors.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\nrun 'plexus validate ${dir}' for details`,
    errors.map((problem) => ({ at: formatLocation(problem), message: problem.message })),
  );
}

/** One data product served from its current snapshot: descriptor, model, protocols and runs. */
export class ProductRuntime implements ProductService {
  private readonly schemas = new Map<string, Record<string, unknown>>();

  private constructor(
    /** Commit of the product folder when it was opened ("-dirty" with uncommitted changes): plugins and protocols come from it. */
    private readonly gitCommit: string | null,
    private readonly definition: ProductDefinition,
    private readonly reader: SnapshotReader,
    private readonly loaded: LoadedProtocol[],
    private readonly options: ProductRuntimeOptions,
  ) {
    const model = reader.manifest.model;
    for (const protocol of loaded)
      this.schemas.set(protocol.definition.id, compileParameterSchema(protocol.definition, model));
  }

  static async open(dir: string, options: ProductRuntimeOptions): Promise<ProductRuntime> {
    const loaded = await loadProductFolder(dir);
    if (!loaded.definition) throw problemsError(dir, 'the product has problems', loaded.problems);
    const definition = loaded.definition;
    const store = new SnapshotStore(snapshotRootFor(definition.dir, definition.product.id, options));
    const snapshot = await store.current();
    if (!snapshot)
      throw new InputError(
        `product ${definition.product.id} has no snapshot yet: run 'plexus build ${dir}' first`,
      );
    const reader = await SnapshotReader.open(snapshot);
    try {
      const model = snapshot.manifest.model;
      const protocols = await loadProtocols(
        definition.dir,
        definition.product.protocols ?? 'protocols',
        model,
      );
      if (hasErrors(protocols.problems))
        throw problemsError(dir, 'protocols have problems', protocols.problems);
      const git = await gitState(definition.dir);
      const commit = git ? `${git.commit}${git.dirty ? '-dirty' : ''}` : null;
      return new ProductRuntime(commit, definition, reader, protocols.protocols, options);
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  get id(): string {
    return this.definition.product.id;
  }

  get dataVersion(): string {
    return this.reader.manifest.dataVersion;
  }

  accessDefaults(): ProductAccessDefaults {
    const access = this.definition.product.access;
    return {
      visibility: access?.visibility ?? 'private',
      ...(access?.everyone !== undefined ? { everyone: access.everyone } : {}),
    };
  }

  descriptor(): ProductDescriptor {
    const { product } = this.definition;
    const manifest = this.reader.manifest;
    return {
      id: product.id,
      title: product.title,
      version: product.version,
      description: product.description,
      domain: product.domain,
      owners: product.owners,
      tags: product.tags ?? [],
      entity: { ...product.entity, count: manifest.model.entityCount },
      dataVersion: manifest.dataVersion,
      gitCommit: this.gitCommit,
      builtAt: manifest.builtAt,
    };
  }

  model(): ModelView {
    const { model } = this.reader.manifest;
    return {
      entity: { ...this.definition.product.entity, count: model.entityCount },
      attributes: model.attributes,
      endpoints: model.endpoints.map(({ timeColumn: _time, eventColumn: _event, ...endpoint }) => endpoint),
      modalities: model.modalities.map(modalityView),
    };
  }

  protocols(): ProtocolSummary[] {
    return this.loaded.map(({ definition }) => ({
      id: definition.id,
      version: definition.version,
      title: definition.title,
      description: definition.description,
      category: definition.category,
      parameters: this.schemas.get(definition.id) ?? {},
    }));
  }

  async countCohort(cohort: unknown): Promise<CohortCount> {
    const model = this.reader.manifest.model;
    const checked = validateParameters(COHORT_ONLY, compileParameterSchema(COHORT_ONLY, model), {
      cohort: cohort ?? {},
    });
    const { total, steps } = await this.reader.attrition(checked.cohort);
    return {
      count: steps.length > 0 ? (steps[steps.length - 1]?.count ?? 0) : total,
      entity: this.definition.product.entity,
      attrition: [
        { step: 0, criterion: `all ${this.definition.product.entity.plural}`, count: total },
        ...steps.map((step, index) => ({ step: index + 1, criterion: step.label, count: step.count })),
      ],
    };
  }

  async searchFeatures(modality: string, text: string, limit?: number): Promise<FeatureHit[]> {
    return this.reader.searchFeatures(modality, text, limit);
  }

  async run(protocolId: string, params: unknown): Promise<Run> {
    const protocol = this.loaded.find((candidate) => candidate.definition.id === protocolId);
    if (!protocol) {
      const ids = this.loaded.map((candidate) => candidate.definition.id);
      throw new NotFoundError(
        `product '${this.id}' has no protocol '${protocolId}'${didYouMean(protocolId, ids)} (it has: ${ids.join(', ')})`,
      );
    }
    const { definition } = protocol;
    const resolved = await this.checkParameters(definition, params);
    const { attributes, endpoints, modalities, entityCount } = this.reader.manifest.model;
    const started = Date.now();
    const run = {
      id: randomUUID(),
      productId: this.id,
      protocolId,
      startedAt: new Date(started).toISOString(),
    };
    try {
      const output = await this.options.host.run({
        modulePath: protocol.modulePath,
        exportName: definition.plugin.export,
        params: resolved,
        product: {
          id: this.id,
          version: this.definition.product.version,
          title: this.definition.product.title,
          entity: this.definition.product.entity,
        },
        model: { attributes, endpoints, modalities, entityCount },
        timeoutMs:
          (definition.limits?.timeoutSeconds ?? 0) * 1000 || (this.options.defaultTimeoutMs ?? 60_000),
        memoryMb: definition.limits?.memoryMb ?? this.options.defaultMemoryMb ?? 512,
        data: {
          frame: (request) => this.reader.frame(request),
          matrix: (request) => this.reader.matrix(request),
          events: (request) => this.reader.events(request),
          sql: (query, values) =>
            this.reader.query(query, values, {
              maxRows: this.options.sqlMaxRows ?? 100_000,
              timeoutMs: this.options.sqlTimeoutMs ?? 30_000,
            }),
        },
      });
      const result = this.resultDocument(protocol, resolved, normalizeOutput(output));
      return { ...run, status: 'succeeded', durationMs: Date.now() - started, result };
    } catch (error) {
      if (!(error instanceof PluginRunError)) throw error;
      return {
        ...run,
        status: 'failed',
        durationMs: Date.now() - started,
        error: { code: error.code, message: error.message },
      };
    }
  }

  /**
   * Checks params against the protocol's schema, then resolves cohorts and features against the model
   * — so that a bad criterion is a 400, not a failed run — and reports every problem of both at once.
   */
  private async checkParameters(definition: Protocol, params: unknown): Promise<Record<string, unknown>> {
    const details: ErrorDetail[] = [];
    let resolved: Record<string, unknown> | undefined;
    try {
      resolved = validateParameters(definition, this.schemas.get(definition.id) ?? {}, params ?? {});
    } catch (error) {
      if (
        !(error instanceof InputError) ||
        params === null ||
        typeof params !== 'object' ||
        Array.isArray(params)
      )
        throw error;
      details.push(...error.details);
    }
    const values = resolved ?? (params as Record<string, unknown>);
    for (const [name, parameter] of Object.entries(definition.parameters)) {
      try {
        if (parameter.type === 'cohort') await this.reader.compileCohort(values[name] ?? {}, name);
        if (parameter.type === 'feature' && typeof values[name] === 'string')
          values[name] = await this.resolveFeature(name, parameter.modality, values[name]);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        details.push(...error.details);
      }
    }
    if (details.length > 0 || !resolved)
      throw new InputError(
        `invalid parameters: ${details.map((detail) => detail.message).join('; ')}`,
        details,
      );
    return resolved;
  }

  /** A feature parameter names a feature by id or unique name; plugins always get the id. */
  private async resolveFeature(
    parameter: string,
    modalityId: string | undefined,
    text: string,
  ): Promise<string> {
    const matrices = this.reader.manifest.model.modalities.filter((modality) => modality.kind === 'matrix');
    const modality = modalityId ? matrices.find((candidate) => candidate.id === modalityId) : matrices[0];
    if (modality?.kind !== 'matrix')
      throw new InputError(
        `parameter '${parameter}': the product has no matrix modality to pick a feature from`,
      );
    const found = await this.reader.findFeature(modality, text);
    if ('error' in found)
      throw new InputError(`parameter '${parameter}': ${found.error}`, [
        {
          at: parameter,
          message: `parameter '${parameter}': ${found.error}`,
          found: text,
          ...(found.allowed ? { allowed: found.allowed } : {}),
        },
      ]);
    return found.id;
  }

  private resultDocument(
    protocol: LoadedProtocol,
    parameters: Record<string, unknown>,
    output: ReturnType<typeof normalizeOutput>,
  ): ResultDocument {
    const manifest = this.reader.manifest;
    return {
      apiVersion: API_VERSION,
      kind: 'Result',
      title: output.title,
      ...(output.summary !== undefined ? { summary: output.summary } : {}),
      blocks: output.blocks,
      provenance: {
        product: { id: this.id, version: this.definition.product.version },
        dataVersion: manifest.dataVersion,
        gitCommit: this.gitCommit,
        protocol: { id: protocol.definition.id, version: protocol.definition.version },
        plugin: {
          module: relative(this.definition.dir, protocol.modulePath),
          export: protocol.definition.plugin.export,
          sha256: protocol.pluginSha256,
        },
        engineVersion: ENGINE_VERSION,
        parameters,
      },
    };
  }

  close(): void {
    this.reader.close();
  }
}
