import type { Run } from '../api/types.ts';
import { shortId } from '../components/format.ts';
import { href } from '../routing/router.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TimingFacts } from './TimingFacts.tsx';

/** What a run records: who-when aside, the versions and parameters that make it reproducible. */
export function RunFacts({ run }: { run: Run }) {
  return (
    <dl className="facts run-facts">
      <div>
        <dt>Run</dt>
        <dd>
          <code>{run.id}</code>
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={run.status} />
        </dd>
      </div>
      <div>
        <dt>Product</dt>
        <dd>
          <a href={href('products', run.productId)}>{run.productId}</a>
        </dd>
      </div>
      <div>
        <dt>Protocol</dt>
        <dd>
          {run.protocolId}
          {run.protocolVersion && `@${run.protocolVersion}`}
        </dd>
      </div>
      <TimingFacts startedAt={run.startedAt} durationMs={run.durationMs} />
      {run.versions && (
        <div>
          <dt>Versions</dt>
          <dd>
            product {run.versions.productVersion} · definition <code>{run.versions.definitionHash}</code> ·
            data <code>{run.versions.dataVersion}</code> · engine {run.versions.engineVersion}
          </dd>
        </div>
      )}
      {run.reusedFrom && (
        <div>
          <dt>Answered from</dt>
          <dd>
            <a href={href('runs', run.reusedFrom)}>run {shortId(run.reusedFrom)}…</a> (same versions and
            parameters)
          </dd>
        </div>
      )}
      {run.rerunOf && (
        <div>
          <dt>Re-run of</dt>
          <dd>
            <a href={href('runs', run.rerunOf)}>run {shortId(run.rerunOf)}…</a>
          </dd>
        </div>
      )}
      {run.params && (
        <div className="wide">
          <dt>Parameters</dt>
          <dd>
            <pre className="params">{JSON.stringify(run.params, null, 2)}</pre>
          </dd>
        </div>
      )}
    </dl>
  );
}
