import { useId, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { FederatedRun, ResultDocumentView } from '../api/types.ts';
import { NO_FILTERS } from '../catalog/catalogItem.ts';
import { useCatalogSearch } from '../catalog/useCatalogSearch.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDuration } from '../components/format.ts';
import { Loading } from '../components/Loading.tsx';
import { ProductPicker } from '../federated/ProductPicker.tsx';
import { SiteForm } from '../federated/SiteForm.tsx';
import { SiteTable } from '../federated/SiteTable.tsx';
import { sharedProtocols } from '../federated/sharedProtocols.ts';
import { Page } from '../layout/Page.tsx';
import { ResultView } from '../results/ResultView.tsx';

function asResult(run: FederatedRun): ResultDocumentView | null {
  if (!run.result) return null;
  const { title, summary, blocks, provenance } = run.result;
  return {
    apiVersion: 'plexus.dev/v1',
    kind: 'Result',
    title,
    summary,
    blocks,
    provenance:
      typeof provenance === 'object' && provenance !== null ? (provenance as Record<string, unknown>) : {},
  };
}

/** One question to several products (sites): each answers with aggregates, the node combines them. */
export function FederatedPage() {
  const protocolSelectId = useId();
  const sources = useCatalogSearch('', NO_FILTERS);
  const [chosen, setChosen] = useState<string[]>([]);
  const [protocolId, setProtocolId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<FederatedRun | null>(null);

  // Products whose protocols are still loading are listed; those known to have no federated protocol are not.
  const candidates = useMemo(
    () =>
      sources.results.filter((item) => item.protocols === null || item.protocols.some((p) => p.federated)),
    [sources.results],
  );
  const chosenItems = useMemo(
    () =>
      chosen.map((key) => candidates.find((item) => item.key === key)).filter((item) => item !== undefined),
    [chosen, candidates],
  );
  const protocols = useMemo(() => sharedProtocols(chosenItems), [chosenItems]);
  const protocol = protocols.find((p) => p.id === protocolId) ?? null;
  // The form is this node's: the first chosen product served here provides the model behind it.
  const formProduct = chosenItems.find((item) => item.local) ?? null;

  const ask = async (params: Record<string, unknown>) => {
    if (!protocol) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const sites = chosenItems.map((item) =>
        item.local || !item.node ? { product: item.id } : { product: item.id, node: item.node.id },
      );
      setAnswer(await api.federatedRun(sites, protocol.id, params));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const result = answer ? asResult(answer) : null;
  return (
    <Page title="Federated questions">
      <p>
        Ask several products at once. Each site computes aggregates from its own data and applies its own
        disclosure control; no row leaves a site.
      </p>
      <ErrorAlert error={sources.error} />
      {sources.loading && candidates.length === 0 ? (
        <Loading what="Loading products" />
      ) : (
        <ProductPicker
          items={candidates}
          chosen={chosen}
          onToggle={(key, on) => setChosen((old) => (on ? [...old, key] : old.filter((k) => k !== key)))}
        />
      )}
      <div className="field">
        <label htmlFor={protocolSelectId}>Protocol</label>
        <select
          id={protocolSelectId}
          value={protocol?.id ?? ''}
          onChange={(event) => setProtocolId(event.target.value)}
          disabled={protocols.length === 0}
        >
          <option value="">
            {chosenItems.length === 0
              ? 'Choose products first'
              : protocols.length === 0
                ? 'No shared protocol'
                : '—'}
          </option>
          {protocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} ({p.federated?.combine})
            </option>
          ))}
        </select>
      </div>
      {protocol && (
        <section aria-labelledby="fed-form-heading" className="panel">
          <h2 id="fed-form-heading">Parameters</h2>
          <div>
            {formProduct ? (
              <SiteForm
                productId={formProduct.id}
                protocolId={protocol.id}
                busy={busy}
                onSubmit={(params) => void ask(params)}
              />
            ) : (
              <p className="muted">
                No chosen product is served here: the sites use the protocol&apos;s defaults.
              </p>
            )}
          </div>
          {formProduct ? null : (
            // Without a form of this node, the sites are asked with the protocol's defaults.
            <button type="button" disabled={busy || chosenItems.length === 0} onClick={() => void ask({})}>
              Ask all sites
            </button>
          )}
        </section>
      )}
      {busy && <Loading what="Asking the sites" />}
      <ErrorAlert error={error} />
      {answer && (
        <section aria-labelledby="fed-answer-heading">
          <h2 id="fed-answer-heading">
            Answer: {answer.status} <span className="muted">({formatDuration(answer.durationMs)})</span>
          </h2>
          <SiteTable run={answer} />
          {answer.error && (
            <div role="alert" className="alert">
              <code className="error-code">{answer.error.code}</code> {answer.error.message}
            </div>
          )}
          {result && <ResultView result={result} label="Combined" />}
        </section>
      )}
    </Page>
  );
}
