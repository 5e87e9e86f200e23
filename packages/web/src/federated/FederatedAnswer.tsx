import '../results/results.css';
import type { FederatedRun } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDuration } from '../components/format.ts';
import { BlockView } from '../results/BlockView.tsx';
import { TimingFacts } from '../run/TimingFacts.tsx';
import { SiteTable } from './SiteTable.tsx';

/** The rule the sites' aggregates were combined by, as the sites that answered report it. */
function combineRule(run: FederatedRun, fallback: string | undefined): string {
  const reported = run.sites.find((site) => site.answer)?.answer?.protocol.combine;
  return reported ?? fallback ?? '—';
}

/**
 * A federated answer: what was asked, how each site answered, and the combined blocks. It has no
 * provenance of its own (each site's versions are its own), so it shows none rather than empty fields.
 */
export function FederatedAnswer({ run, combine }: { run: FederatedRun; combine?: string }) {
  const ok = run.sites.filter((site) => site.status === 'ok').length;
  return (
    <section aria-labelledby="fed-answer-heading">
      <h2 id="fed-answer-heading">
        Answer: {run.status} <span className="muted">({formatDuration(run.durationMs)})</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>Protocol</dt>
          <dd>{run.protocol}</dd>
        </div>
        <div>
          <dt>Combined by</dt>
          <dd>{combineRule(run, combine)}</dd>
        </div>
        <div>
          <dt>Sites combined</dt>
          <dd>
            {ok} of {run.sites.length}
          </dd>
        </div>
        <TimingFacts startedAt={run.startedAt} durationMs={run.durationMs} />
      </dl>
      <SiteTable run={run} />
      <ErrorAlert error={run.error} />
      {run.result && (
        <article className="result">
          <header>
            <p className="result-label">Combined</p>
            <h2>{run.result.title}</h2>
            {run.result.summary ? <p className="result-summary">{run.result.summary}</p> : null}
          </header>
          {run.result.blocks.map((block) => (
            <BlockView key={block.id} block={block} />
          ))}
        </article>
      )}
    </section>
  );
}
