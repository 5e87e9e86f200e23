import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  canonicalJson,
  ENGINE_VERSION,
  type FeatureHit,
  gitState,
  loadProductFolder,
  readYamlFile,
  SnapshotReader,
  SnapshotStore,
  sha256Text,
  snapshotRootFor,
} from '@plexus/engine';
import type {
  MeshCallProvenance,
  Problem,
  Product,
  Protocol,
  ResultDocument,
  Run,
  RunVersions,
  SiteAggregates,
} from '@plexus/spec';
import {
  API_VERSION,
  checkDocument,
  didYouMean,
  type ErrorDetail,
  formatLocation,
  formatProblem,
  hasErrors,
  InputError,
  NotFoundError,
  ProductSchema,
  SiteAggregatesSchema,
} from '@plexus/spec';
import { type FindLocalProduct, LocalMeshAccess } from '../mesh/LocalMeshAccess.ts';
import type { MeshAccess } from '../mesh/MeshAccess.ts';
import { MeshCallRecorder } from '../mesh/MeshCallRecorder.ts';
import { compileParameterSchema } from '../parameters/compileParameterSchema.ts';
import { validateParameters } from '../parameters/validateParameters.ts';
import { bundlePlugin } from '../plugins/bundlePlugin.ts';
import type { PluginHost } from '../plugins/PluginHost.ts';
import { MeshRequestError } from '../plugins/PluginMesh.ts';
import { PluginRunError } from '../plugins/PluginRunError.ts';
import type { LoadedProtocol } from '../protocols/LoadedProtocol.ts';
import { loadProtocols } from '../protocols/loadProtocols.ts';
import { DefinitionStore } from '../releases/DefinitionStore.ts';
import { definitionFiles } from '../releases/definitionFiles.ts';
import { normalizeOutput } from '../results/normalizeOutput.ts';
import type { ExecutedRun, ExecuteOptions, PreparedRun } from './PreparedRun.ts';
import {
  type CohortCount,
  type HeldVersions,
  type ModelView,
  modalityView,
  type ProductAccessDefaults,
  type ProductDescriptor,
  type ProductService,
  type ProtocolSummary,
} from './ProductService.ts';
import type { ProductTestStatus } from './productTestStatus.ts';

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
  /**
   * The products a plugin's ctx.mesh reaches when the run comes with no mesh access of its own (the
   * CLI, tests): those opened together with this one. Default none.
   */
  findProduct?: FindLocalProduct;
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

/** The mesh of a site's federated answer: none. */
const NO_MESH: MeshAccess = {
  run: () =>
    Promise.reject(
      new MeshRequestError('MESH_UNAVAILABLE', 'a federated site answers from its own data only'),
    ),
  cohortCount: () =>
    Promise.reject(
      new MeshRequestError('MESH_UNAVAILABLE', 'a federated site answers from its own data only'),
    ),
};

function checkDocumentProblems(value: unknown): unknown[] {
  return checkDocument(ProductSchema, value);
}

function problemsError(dir: string, what: string, problems: Problem[]): InputError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  return new InputError(
    `${what} in ${dir}:\n${errors.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\nrun 'plexus validate ${dir}' for details`,
    errors.map((problem) => ({ at: formatLocation(problem), message: problem.message })),
  );
}

/** What a runtime executes: a product's definition (as kept in the definition store) and where it lives. */
interface RuntimeDefinition {
  /** The folder plugins are run from: the kept copy of the definition. */
  dir: string;
  product: Product;
  /** Where the product's snapshots and definitions are kept. */
  snapshotRoot: string;
  definitionHash: string;
  /** Commit of the product folder when the definition was kept ("-dirty" with uncommitted changes). */
  gitCommit: string | null;
}

/**
 * One version of a data product — one definition (protocols, plugins) over one snapshot: descriptor,
 * model, protocols and runs. A node opens the current version of each product folder, and opens earlier
 * versions read-only on demand, so that a run can be executed again exactly as it first was.
 */
export class ProductRuntime implements ProductService {
  private readonly schemas = new Map<string, Record<string, unknown>>();
  private tests: ProductTestStatus | undefined;

  private constructor(
    private readonly definition: RuntimeDefinition,
    private readonly reader: SnapshotReader,
    private readonly loaded: LoadedProtocol[],
    private readonly options: ProductRuntimeOptions,
    /** Each plugin module's bundle (bundlePlugin), which workers load in its place. */
    private readonly bundles: ReadonlyMap<string, string>,
  ) {
    const model = reader.manifest.model;
    for (const protocol of loaded)
      this.schemas.set(protocol.definition.id, compileParameterSchema(protocol.definition, model));
  }

  /** The product folder's definition over its current snapshot; the definition is kept for later re-runs. */
  static async open(dir: string, options: ProductRuntimeOptions): Promise<ProductRuntime> {
    const loaded = await loadProductFolder(dir);
    if (!loaded.definition) throw problemsError(dir, 'the product has problems', loaded.problems);
    const definition = loaded.definition;
    const snapshotRoot = snapshotRootFor(definition.dir, definition.product.id, options);
    const snapshot = await new SnapshotStore(snapshotRoot).current();
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
      const gitCommit = git ? `${git.commit}${git.dirty ? '-dirty' : ''}` : null;
      const kept = await new DefinitionStore(snapshotRoot).keep(
        definition.dir,
        await definitionFiles(definition.dir, definition.product, protocols.protocols),
        { productId: definition.product.id, productVersion: definition.product.version, gitCommit },
      );
      // Plugins run from the kept copy, so that the current version and a later re-run pinned to it
      // execute the very same files.
      const copyDir = new DefinitionStore(snapshotRoot).definitionDir(kept.hash);
      const fromCopy = protocols.protocols.map((protocol) => ({
        ...protocol,
        modulePath: join(copyDir, relative(definition.dir, protocol.modulePath)),
      }));
      return new ProductRuntime(
        { dir: copyDir, product: definition.product, snapshotRoot, definitionHash: kept.hash, gitCommit },
        reader,
        fromCopy,
        options,
        await bundleModules(fromCopy, snapshotRoot),
      );
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  /**
   * An earlier version of a product, read-only: a kept definition over a kept snapshot. NotFoundError
   * when the node no longer holds either.
   */
  static async openVersion(
    snapshotRoot: string,
    versions: { definitionHash: string; dataVersion: string },
    options: ProductRuntimeOptions,
  ): Promise<ProductRuntime> {
    const definitions = new DefinitionStore(snapshotRoot);
    const record = /^[0-9a-f]{16}$/.test(versions.definitionHash)
      ? await definitions.read(versions.definitionHash)
      : null;
    if (!record)
      throw new NotFoundError(
        `this node no longer holds definition ${versions.definitionHash} of the product; re-run on the current version instead`,
      );
    const snapshot = await new SnapshotStore(snapshotRoot).readSnapshot(versions.dataVersion);
    if (!snapshot)
      throw new NotFoundError(
        `this node no longer holds data version ${versions.dataVersion} of ${record.productId}; re-run on the current version instead`,
      );
    const dir = definitions.definitionDir(record.hash);
    const productFile = await readYamlFile(join(dir, 'product.yaml'), 'product.yaml');
    const problems = [...productFile.problems, ...checkDocumentProblems(productFile.value)];
    if (problems.length > 0)
      throw new Error(`kept definition ${record.hash} of ${record.productId} has an unreadable product.yaml`);
    const product = productFile.value as Product;
    const reader = await SnapshotReader.open(snapshot);
    try {
      const protocols = await loadProtocols(dir, product.protocols ?? 'protocols', snapshot.manifest.model);
      if (hasErrors(protocols.problems))
        throw problemsError(dir, 'protocols of the kept definition have problems', protocols.problems);
      return new ProductRuntime(
        { dir, product, snapshotRoot, definitionHash: record.hash, gitCommit: record.gitCommit },
        reader,
        protocols.protocols,
        options,
        await bundleModules(protocols.protocols, snapshotRoot),
      );
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  /** Every version this runtime stands for; a run records them all. */
  get versions(): RunVersions {
    return {
      productVersion: this.definition.product.version,
      definitionHash: this.definition.definitionHash,
      gitCommit: this.definition.gitCommit,
      dataVersion: this.reader.manifest.dataVersion,
      engineVersion: ENGINE_VERSION,
    };
  }

  get snapshotRoot(): string {
    return this.definition.snapshotRoot;
  }

  async heldVersions(): Promise<HeldVersions> {
    const definitions = await new DefinitionStore(this.definition.snapshotRoot).list();
    const snapshots = await new SnapshotStore(this.definition.snapshotRoot).list();
    const times = new Map<string, number>();
    // A definition is as recent as its files: the copy's record is written when it is first kept.
    for (const record of definitions) {
      const at = await stat(
        join(new DefinitionStore(this.definition.snapshotRoot).definitionDir(record.hash), 'definition.json'),
      )
        .then((found) => found.mtimeMs)
        .catch(() => 0);
      times.set(record.hash, at);
    }
    return {
      current: this.versions,
      definitions: definitions
        .sort((a, b) => (times.get(b.hash) ?? 0) - (times.get(a.hash) ?? 0))
        .map((record) => ({
          definitionHash: record.hash,
          productVersion: record.productVersion,
          gitCommit: record.gitCommit,
        })),
      snapshots: snapshots
        .sort((a, b) =>
          a.manifest.builtAt < b.manifest.builtAt ? 1 : a.manifest.builtAt > b.manifest.builtAt ? -1 : 0,
        )
        .map((snapshot) => ({
          dataVersion: snapshot.dataVersion,
          builtAt: snapshot.manifest.builtAt,
          entityCount: snapshot.manifest.model.entityCount,
        })),
    };
  }

  /** The plugin modules of this version's protocols, for workers to load in advance. */
  pluginModules(): string[] {
    return [...new Set(this.loaded.map((protocol) => this.loadable(protocol.modulePath)))];
  }

  /** What a worker loads for a plugin module: its bundle, or the sources when it has none. */
  private loadable(modulePath: string): string {
    return this.bundles.get(modulePath) ?? modulePath;
  }

  /** The kept copy of the definition this runtime executes: protocols, plugins and tests. */
  get definitionDir(): string {
    return this.definition.dir;
  }

  /** Records how this version fared in its tests, for its descriptor. */
  setTestStatus(status: ProductTestStatus): void {
    this.tests = status;
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
      definitionHash: this.definition.definitionHash,
      gitCommit: this.definition.gitCommit,
      builtAt: manifest.builtAt,
      ...(this.tests ? { tests: this.tests } : {}),
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
      ...(definition.federation ? { federation: { combine: definition.federation.combine } } : {}),
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
      product: { id: this.id, version: this.definition.product.version },
      dataVersion: this.reader.manifest.dataVersion,
      attrition: [
        { step: 0, criterion: `all ${this.definition.product.entity.plural}`, count: total },
        ...steps.map((step, index) => ({ step: index + 1, criterion: step.label, count: step.count })),
      ],
    };
  }

  async searchFeatures(modality: string, text: string, limit?: number): Promise<FeatureHit[]> {
    return this.reader.searchFeatures(modality, text, limit);
  }

  /**
   * Checks a run request and fixes everything its result will depend on: the protocol and plugin
   * versions, the parameters with defaults applied and names resolved, and a key over all of them.
   */
  async prepare(protocolId: string, params: unknown): Promise<PreparedRun> {
    const protocol = this.protocolNamed(protocolId);
    const { definition } = protocol;
    const resolved = await this.checkParameters(definition, params);
    const versions = this.versions;
    const prepared = {
      productId: this.id,
      protocolId,
      protocolVersion: definition.version,
      pluginSha256: protocol.pluginSha256,
      versions,
      params: resolved,
    };
    return { ...prepared, requestKey: sha256Text(canonicalJson(prepared)) };
  }

  /** Executes a prepared run; a plugin failure (or a cancellation) is a failed run, not an exception. */
  async execute(prepared: PreparedRun, options: ExecuteOptions = {}): Promise<ExecutedRun> {
    if (prepared.productId !== this.id || prepared.versions.definitionHash !== this.definition.definitionHash)
      throw new Error(
        `run prepared for ${prepared.productId} ${prepared.versions.definitionHash}, not for this version`,
      );
    const protocol = this.protocolNamed(prepared.protocolId);
    const started = Date.now();
    const recorder = new MeshCallRecorder(options.mesh ?? this.localMesh());
    try {
      const output = await this.invoke(protocol, protocol.definition.plugin.export, prepared.params, {
        ...options,
        mesh: recorder,
      });
      const result = this.resultDocument(protocol, prepared.params, normalizeOutput(output), recorder.calls);
      return { status: 'succeeded', durationMs: Date.now() - started, result };
    } catch (error) {
      if (!(error instanceof PluginRunError)) throw error;
      return {
        status: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
        durationMs: Date.now() - started,
        error: { code: error.code, message: error.message },
      };
    }
  }

  /**
   * This site's aggregates for a federated question: the protocol's `federation.aggregates` export run
   * on the parameters, checked against the site-aggregates schema. Exact — the node applies disclosure
   * control before anything leaves it. A plugin failure is a PluginRunError.
   */
  async aggregate(
    protocolId: string,
    params: unknown,
    options: ExecuteOptions = {},
  ): Promise<{ prepared: PreparedRun; aggregates: SiteAggregates }> {
    const protocol = this.protocolNamed(protocolId);
    const federation = protocol.definition.federation;
    if (!federation)
      throw new InputError(`protocol '${protocolId}' of ${this.id} does not answer federated questions`, [
        { at: 'protocol', message: 'no federation in its protocol file', found: protocolId },
      ]);
    const prepared = await this.prepare(protocolId, params);
    // A site answers from its own data alone: what it would ask other products is not disclosure-checked.
    const output = await this.invoke(protocol, federation.aggregates, prepared.params, {
      ...options,
      mesh: NO_MESH,
    });
    const issues = checkDocument(SiteAggregatesSchema, output);
    if (issues.length > 0)
      throw new PluginRunError(
        'INVALID_RESULT',
        `${federation.aggregates} returned no site aggregates: ${issues
          .slice(0, 3)
          .map((issue) => `${issue.path || '/'}: ${issue.message}`)
          .join('; ')}`,
      );
    return { prepared, aggregates: output as SiteAggregates };
  }

  /** The product's disclosure section (product.yaml), as written; the mesh applies its defaults. */
  disclosure(): Product['disclosure'] {
    return this.definition.product.disclosure;
  }

  /** Runs one export of a protocol's plugin module in a worker, with the protocol's limits. */
  private invoke(
    protocol: LoadedProtocol,
    exportName: string,
    params: Record<string, unknown>,
    options: ExecuteOptions,
  ): Promise<unknown> {
    const { definition } = protocol;
    const { attributes, endpoints, modalities, entityCount } = this.reader.manifest.model;
    return this.options.host.run({
      modulePath: this.loadable(protocol.modulePath),
      exportName,
      params,
      product: {
        id: this.id,
        version: this.definition.product.version,
        title: this.definition.product.title,
        entity: this.definition.product.entity,
      },
      model: { attributes, endpoints, modalities, entityCount },
      timeoutMs: (definition.limits?.timeoutSeconds ?? 0) * 1000 || (this.options.defaultTimeoutMs ?? 60_000),
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
      mesh: options.mesh ?? this.localMesh(),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  /** The products opened together with this one, for runs that come without a mesh access. */
  private localMesh(): MeshAccess {
    return new LocalMeshAccess(this.options.findProduct ?? (async () => undefined));
  }

  /** Prepares and executes at once, without a run store: for the CLI and tests. */
  async run(protocolId: string, params: unknown): Promise<Run> {
    const prepared = await this.prepare(protocolId, params);
    const startedAt = new Date().toISOString();
    const executed = await this.execute(prepared);
    const run = {
      id: randomUUID(),
      productId: this.id,
      protocolId,
      startedAt,
      durationMs: executed.durationMs,
    };
    if (executed.status === 'succeeded') return { ...run, status: 'succeeded', result: executed.result };
    return {
      ...run,
      status: 'failed',
      error: executed.error ?? { code: 'PLUGIN_FAILED', message: 'the run failed' },
    };
  }

  private protocolNamed(protocolId: string): LoadedProtocol {
    const protocol = this.loaded.find((candidate) => candidate.definition.id === protocolId);
    if (protocol) return protocol;
    const ids = this.loaded.map((candidate) => candidate.definition.id);
    throw new NotFoundError(
      `product '${this.id}' has no protocol '${protocolId}'${didYouMean(protocolId, ids)} (it has: ${ids.join(', ')})`,
    );
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
    calls: MeshCallProvenance[] = [],
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
        gitCommit: this.definition.gitCommit,
        protocol: { id: protocol.definition.id, version: protocol.definition.version },
        plugin: {
          module: relative(this.definition.dir, protocol.modulePath),
          export: protocol.definition.plugin.export,
          sha256: protocol.pluginSha256,
        },
        engineVersion: ENGINE_VERSION,
        parameters,
        ...(calls.length > 0 ? { calls } : {}),
      },
    };
  }

  close(): void {
    this.reader.close();
  }
}

/**
 * Bundles the plugin modules of a version's protocols into the product's `bundles/` folder, where a
 * worker loads each as one file. A module that cannot be bundled is loaded from its sources.
 */
async function bundleModules(
  protocols: readonly LoadedProtocol[],
  snapshotRoot: string,
): Promise<Map<string, string>> {
  const bundles = new Map<string, string>();
  for (const modulePath of new Set(protocols.map((protocol) => protocol.modulePath))) {
    const bundle = await bundlePlugin(modulePath, join(snapshotRoot, 'bundles'));
    if (bundle) bundles.set(modulePath, bundle);
  }
  return bundles;
}
