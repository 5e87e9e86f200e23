import { useCallback } from 'react';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { ProtocolForm } from '../forms/ProtocolForm.tsx';

/** The protocol's form as this node's product presents it (its model gives the choices). */
export function SiteForm({
  productId,
  protocolId,
  busy,
  onSubmit,
}: {
  productId: string;
  protocolId: string;
  busy: boolean;
  onSubmit: (params: Record<string, unknown>) => void;
}) {
  const loaded = useAsync(
    async (signal) => {
      const [protocol, detail] = await Promise.all([
        api.protocol(productId, protocolId, signal),
        api.product(productId, signal),
      ]);
      return { protocol, model: detail.model };
    },
    [productId, protocolId],
  );
  const countCohort = useCallback((cohort: unknown) => api.countCohort(productId, cohort), [productId]);
  const searchFeatures = useCallback(
    (modality: string, text: string) => api.searchFeatures(productId, modality, text),
    [productId],
  );
  if (loaded.loading) return <Loading what="Loading the form" />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  return (
    <ProtocolForm
      parameters={loaded.data.protocol.parameters}
      model={loaded.data.model}
      countCohort={countCohort}
      searchFeatures={searchFeatures}
      onSubmit={onSubmit}
      busy={busy}
      submitLabel="Ask all sites"
    />
  );
}
