import { canonicalJson, sha256Text } from '@plexus/engine';
import type { MeshCallProvenance } from '@plexus/spec';
import type { MeshCohortCount } from '../plugins/PluginMesh.ts';
import { MeshRequestError } from '../plugins/PluginMesh.ts';
import type { MeshAccess, MeshCountRequest, MeshRunAnswer, MeshRunRequest } from './MeshAccess.ts';

/**
 * Wraps a run's mesh access and notes every call with the versions that answered it, for the run's
 * provenance. Calls are listed in the order the plugin made them, not the order they finished in, so
 * that concurrent calls give the same document every time.
 */
export class MeshCallRecorder implements MeshAccess {
  readonly #inner: MeshAccess;
  readonly #calls: Array<MeshCallProvenance | undefined> = [];

  constructor(inner: MeshAccess) {
    this.#inner = inner;
  }

  /** The calls made so far, in the order they were made (those still pending are left out). */
  get calls(): MeshCallProvenance[] {
    return this.#calls.filter((call): call is MeshCallProvenance => call !== undefined);
  }

  async run(request: MeshRunRequest): Promise<MeshRunAnswer> {
    const slot = this.#calls.push(undefined) - 1;
    try {
      const answer = await this.#inner.run(request);
      const { provenance } = answer.result;
      this.#calls[slot] = {
        kind: 'run',
        node: answer.node,
        product: provenance.product,
        protocol: provenance.protocol,
        dataVersion: provenance.dataVersion,
        gitCommit: provenance.gitCommit,
        pluginSha256: provenance.plugin.sha256,
        engineVersion: provenance.engineVersion,
        parametersSha256: sha256Text(canonicalJson(provenance.parameters)),
      };
      return answer;
    } catch (error) {
      this.#calls[slot] = {
        kind: 'run',
        node: nodeOf(error, request.target.node),
        product: { id: request.target.product },
        protocol: { id: request.protocol },
        error: errorOf(error),
      };
      throw error;
    }
  }

  async cohortCount(request: MeshCountRequest): Promise<MeshCohortCount> {
    const slot = this.#calls.push(undefined) - 1;
    try {
      const answer = await this.#inner.cohortCount(request);
      this.#calls[slot] = {
        kind: 'cohort-count',
        node: answer.node,
        product: answer.product,
        dataVersion: answer.dataVersion,
      };
      return answer;
    } catch (error) {
      this.#calls[slot] = {
        kind: 'cohort-count',
        node: nodeOf(error, request.target.node),
        product: { id: request.target.product },
        error: errorOf(error),
      };
      throw error;
    }
  }
}

/** Where a failed call went: the node it was found on, else the node the plugin named, else this one. */
function nodeOf(error: unknown, named: string | undefined): string | null {
  if (error instanceof MeshRequestError && error.node !== undefined) return error.node;
  return named ?? null;
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof MeshRequestError) return { code: error.code, message: error.message };
  return { code: 'MESH_FAILED', message: error instanceof Error ? error.message : String(error) };
}
