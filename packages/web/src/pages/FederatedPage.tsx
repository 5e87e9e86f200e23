import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { FederatedRun } from '../api/types.ts';
import { NO_FILTERS } from '../catalog/catalogItem.ts';
import { LoadMore } from '../catalog/LoadMore.tsx';
import { useCatalogSearch } from '../catalog/useCatalogSearch.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { FederatedAnswer } from '../federated/FederatedAnswer.tsx';
import { ProductPicker } from '../federated/ProductPicker.tsx';
import { SiteForm } from '../federated/SiteForm.tsx';
import { sharedProtocols } from '../federated/sharedProtocols.ts';
import { Page } from '../layout/Page.tsx';

/** One question to several products (sites): each answers with aggregates, the node combines them. */
export function FederatedPage() {
  const protocolSelectId = useId();
  const sources = useCatalogSearch('', NO_FILTERS);
  const [chosen, setChosen] = useState<string[]>([]);
  const [protocolId, setProtocolId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The rule asked for goes with the answer: the protocol chosen may change after it came.
  const [answer, setAnswer] = useState<{ run: FederatedRun; combine?: string } | null>(null);
  // The question under way, dropped when the page goes (the sites' work is theirs to finish).
  const asking = useRef<AbortController | null>(null);
  useEffect(() => () => asking.current?.abort(), []);
  const picker = useRef<HTMLDivElement>(null);
  const focusProduct = useCallback((index: number) => {
    picker.current?.querySelectorAll<HTMLElement>('input[type="checkbox"]')[index]?.focus();
  }, []);

  // Products whose protocols are not known (still loading, or their list failed) may take part: listed.
  // Only those known to have no federated protocol are left out.
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
    asking.current?.abort();
    const controller = new AbortController();
    asking.current = controller;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const sites = chosenItems.map((item) =>
        item.local || !item.node ? { product: item.id } : { product: item.id, node: item.node.id },
      );
      const run = await api.federatedRun(sites, protocol.id, params, controller.signal);
      setAnswer({ run, combine: protocol.federated?.combine });
    } catch (failure) {
      if (!controller.signal.aborted) setError(failure);
    } finally {
      if (!controller.signal.aborted) setBusy(false);
    }
  };

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
        <div ref={picker}>
          <ProductPicker
            items={candidates}
            chosen={chosen}
            onToggle={(key, on) => setChosen((old) => (on ? [...old, key] : old.filter((k) => k !== key)))}
          />
        </div>
      )}
      <LoadMore
        shown={candidates.length}
        loading={sources.loading || sources.loadingMore}
        onLoadMore={sources.loadMore}
        focusItem={focusProduct}
      />
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
                // A form per product and protocol: one that fails to load never shows the previous one's.
                key={`${formProduct.id}/${protocol.id}`}
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
      {answer && <FederatedAnswer run={answer.run} combine={answer.combine} />}
    </Page>
  );
}
