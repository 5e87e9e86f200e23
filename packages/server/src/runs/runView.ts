import type { ResultDocument, Run } from '@plexus/spec';
import { NotFoundError } from '@plexus/spec';
import type { RunRecord } from '../control/ControlStore.ts';
import type { RunManager } from './RunManager.ts';

/** A run as the API shows it; with its result document (parsed from the stored bytes) when asked. */
export async function runView(runs: RunManager, record: RunRecord, withResult: boolean): Promise<Run> {
  const progress = runs.progressOf(record.id);
  const view: Run = {
    id: record.id,
    status: record.status,
    productId: record.productId,
    protocolId: record.protocolId,
    protocolVersion: record.protocolVersion,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    // While running: so far. A run failed by a restart has no measured duration: up to when it was failed.
    durationMs:
      record.durationMs ??
      Math.max(
        0,
        (record.finishedAt ? Date.parse(record.finishedAt) : Date.now()) - Date.parse(record.startedAt),
      ),
    versions: {
      productVersion: record.productVersion,
      definitionHash: record.definitionHash,
      gitCommit: record.gitCommit,
      dataVersion: record.dataVersion,
      engineVersion: record.engineVersion,
    },
    pluginSha256: record.pluginSha256,
    params: record.params,
    resultHash: record.resultHash,
    reusedFrom: record.reusedFrom,
    rerunOf: record.rerunOf,
    ...(progress && record.status === 'running' ? { progress } : {}),
    ...(record.error ? { error: record.error } : {}),
  };
  if (withResult && record.status === 'succeeded') view.result = await storedResult(runs, record);
  return view;
}

/** The result document of a succeeded run, exactly as first stored. */
export async function storedResult(runs: RunManager, record: RunRecord): Promise<ResultDocument> {
  const bytes = await runs.resultBytesOf(record);
  if (bytes === null)
    throw new NotFoundError(
      `this node no longer holds the result of run ${record.id} (result ${record.resultHash}); re-run it`,
      [{ at: 'runId', message: 'result file missing', found: record.id }],
    );
  return JSON.parse(bytes) as ResultDocument;
}
