// Typed calls of the node's API, one function per route the web client uses.
import { type ApiResponse, apiGet, apiPost, apiRequest } from './client.ts';
import type {
  Access,
  CatalogSearchAnswer,
  CohortCountView,
  CompareAnswer,
  FeatureHitView,
  FederatedRun,
  FederatedSite,
  Me,
  Principal,
  ProductDescriptor,
  ProductDetail,
  ProductVersions,
  ProtocolSummary,
  RerunAnswer,
  Role,
  Run,
  RunPage,
} from './types.ts';

const enc = encodeURIComponent;

/** How long a run request waits before the node answers 202: short, so that a long run can be cancelled. */
const RUN_WAIT = { prefer: 'wait=2' };

export const api = {
  me: (token?: string | null) => apiGet<Me>('/me', { token }),

  products: async () => (await apiGet<{ products: ProductDescriptor[] }>('/products')).products,
  product: (id: string) => apiGet<ProductDetail>(`/products/${enc(id)}`),
  versions: (id: string) => apiGet<ProductVersions>(`/products/${enc(id)}/versions`),
  protocols: async (id: string) =>
    (await apiGet<{ protocols: ProtocolSummary[] }>(`/products/${enc(id)}/protocols`)).protocols,
  protocol: async (id: string, protocolId: string) =>
    (await apiGet<{ protocol: ProtocolSummary }>(`/products/${enc(id)}/protocols/${enc(protocolId)}`))
      .protocol,

  countCohort: (id: string, cohort: unknown) =>
    apiPost<CohortCountView>(`/products/${enc(id)}/cohorts/count`, { cohort }),
  searchFeatures: async (id: string, modality: string, q: string) =>
    (
      await apiGet<{ modality: string; features: FeatureHitView[] }>(`/products/${enc(id)}/features`, {
        query: { modality, q },
      })
    ).features,

  access: (id: string) => apiGet<Access>(`/products/${enc(id)}/grants`),
  grant: (id: string, principal: Principal, role: Role) =>
    apiPost<Access>(`/products/${enc(id)}/grants`, { principal, role }),
  revoke: (id: string, principal: Principal) =>
    apiPost<Access>(`/products/${enc(id)}/grants/revoke`, { principal }),
  users: () =>
    apiGet<{ users: Array<{ id: string; name?: string | null; email?: string | null }> }>('/users'),
  groups: () => apiGet<{ groups: Array<{ id: string; name?: string }> }>('/groups'),

  /** 200 with the ended run, or 202 with the run still running (follow its events). */
  startRun: (
    id: string,
    protocolId: string,
    params: Record<string, unknown>,
  ): Promise<ApiResponse<{ run: Run }>> =>
    apiRequest<{ run: Run }>(`/products/${enc(id)}/protocols/${enc(protocolId)}/runs`, {
      method: 'POST',
      body: { params },
      headers: RUN_WAIT,
    }),
  runs: (after?: string, limit = 25) =>
    apiGet<RunPage>('/runs', { query: { limit: String(limit), after: after ?? undefined } }),
  run: async (runId: string) => (await apiGet<{ run: Run }>(`/runs/${enc(runId)}`)).run,
  cancel: async (runId: string) => (await apiPost<{ run: Run }>(`/runs/${enc(runId)}/cancel`, {})).run,
  rerun: (runId: string, versions: 'current' | 'original'): Promise<ApiResponse<RerunAnswer>> =>
    apiRequest<RerunAnswer>(`/runs/${enc(runId)}/rerun`, {
      method: 'POST',
      body: { versions },
      headers: RUN_WAIT,
    }),
  compare: (a: string, b: string) => apiGet<CompareAnswer>(`/runs/${enc(a)}/compare/${enc(b)}`),

  federatedRun: async (sites: FederatedSite[], protocol: string, params: Record<string, unknown>) =>
    (await apiPost<{ federatedRun: FederatedRun }>('/federated/runs', { sites, protocol, params }))
      .federatedRun,

  catalogSearch: (query: {
    q?: string;
    domain?: string[];
    modality?: string[];
    tag?: string[];
    limit?: number;
  }) =>
    apiGet<CatalogSearchAnswer>('/catalog/search', {
      query: {
        q: query.q || undefined,
        domain: query.domain,
        modality: query.modality,
        tag: query.tag,
        limit: String(query.limit ?? 100),
      },
    }),
};
