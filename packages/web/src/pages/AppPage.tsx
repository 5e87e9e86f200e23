import { useCallback } from 'react';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { shortId } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { useAsync } from '../components/useAsync.ts';
import { ProtocolForm } from '../forms/ProtocolForm.tsx';
import { Page } from '../layout/Page.tsx';
import { href } from '../routing/router.ts';
import { RunAnnouncer } from '../run/RunAnnouncer.tsx';
import { RunErrors } from '../run/RunErrors.tsx';
import { RunOutcome } from '../run/RunOutcome.tsx';
import { RunProgress } from '../run/RunProgress.tsx';
import { useRunExecution } from '../run/useRunExecution.ts';

/** One app (protocol) of a product: its form, then its run. */
export function AppPage({ productId, protocolId }: { productId: string; protocolId: string }) {
  const loaded = useAsync(async () => {
    const [protocol, detail] = await Promise.all([
      api.protocol(productId, protocolId),
      api.product(productId),
    ]);
    return { protocol, detail };
  }, [productId, protocolId]);
  const execution = useRunExecution();
  const countCohort = useCallback((cohort: unknown) => api.countCohort(productId, cohort), [productId]);
  const searchFeatures = useCallback(
    (modality: string, text: string) => api.searchFeatures(productId, modality, text),
    [productId],
  );
  const { execute } = execution;
  const onSubmit = useCallback(
    (params: Record<string, unknown>) => {
      void execute(async () => (await api.startRun(productId, protocolId, params)).body.run);
    },
    [execute, productId, protocolId],
  );

  if (loaded.loading) {
    return (
      <Page title="App">
        <Loading />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title="App not found">
        <ErrorAlert error={loaded.error} />
        <p>
          <a href={href('products', productId)}>Back to the product</a>
        </p>
      </Page>
    );
  }
  const { protocol, detail } = loaded.data;
  const run = execution.run;
  return (
    <Page title={protocol.title}>
      <p className="breadcrumbs">
        <a href={href('products', productId)}>{detail.product.title}</a> › {protocol.category} · v
        {protocol.version}
      </p>
      <section aria-label="About this app" className="panel">
        <Markdown text={protocol.description} />
      </section>
      <section aria-labelledby="form-heading" className="panel">
        <h2 id="form-heading">Parameters</h2>
        <ProtocolForm
          parameters={protocol.parameters}
          model={detail.model}
          countCohort={countCohort}
          searchFeatures={searchFeatures}
          onSubmit={onSubmit}
          busy={execution.busy}
        />
      </section>
      <section aria-labelledby="run-heading" className="run-section">
        <h2 id="run-heading" className={run || execution.busy ? undefined : 'visually-hidden'}>
          Result
        </h2>
        <RunAnnouncer execution={execution} />
        <RunProgress execution={execution} />
        <RunErrors execution={execution} />
        {run && run.status !== 'running' && (
          <>
            <p className="muted">
              Run <a href={href('runs', run.id)}>{shortId(run.id)}…</a>
              {run.reusedFrom && ' — answered from an identical earlier run'}
            </p>
            <RunOutcome run={run} />
          </>
        )}
      </section>
    </Page>
  );
}
