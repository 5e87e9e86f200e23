// Typed calls of the node's API, one function per route the web client uses.
import { type ApiResponse, apiGet, apiPost, apiRequest } from './client.ts';
import type {
  Access,
  AppointedOwners,
  CatalogSearchAnswer,
  CohortCountView,
  CompareAnswer,
  CreatedToken,
  CreatedUser,
  FeatureSearchAnswer,
  FederatedRunAnswer,
  FederatedSite,
  GroupList,
  Me,
  Principal,
  ProductDetail,
  ProductList,
  ProductVersions,
  ProtocolAnswer,
  ProtocolList,
  RerunAnswer,
  Role,
  RunAnswer,
  RunCancelled,
  RunPage,
  RunStarted,
  TokenScope,
  UserList,
} from './types.ts';

const enc = encodeURIComponent;

/** How long a run request waits before the node answers 202: short, so that a long run can be cancelled. */
const RUN_WAIT = { prefer: 'wait=2' };

/** The node's largest page of catalog entries (limit 1–100): fewer round trips for Load more. */
export const CATALOG_PAGE = 100;

export const api = {
  me: (token?: string | null, signal?: AbortSignal) => apiGet<Me>('/me', { token, signal }),

  products: async (signal?: AbortSignal) => (await apiGet<ProductList>('/products', { signal })).products,
  product: (id: string, signal?: AbortSignal) => apiGet<ProductDetail>(`/products/${enc(id)}`, { signal }),
  versions: (id: string, signal?: AbortSignal) =>
    apiGet<ProductVersions>(`/products/${enc(id)}/versions`, { signal }),
  protocols: async (id: string, signal?: AbortSignal) =>
    (await apiGet<ProtocolList>(`/products/${enc(id)}/protocols`, { signal })).protocols,
  protocol: async (id: string, protocolId: string, signal?: AbortSignal) =>
    (
      await apiGet<ProtocolAnswer>(`/products/${enc(id)}/protocols/${enc(protocolId)}`, {
        signal,
      })
    ).protocol,

  countCohort: (id: string, cohort: unknown, signal?: AbortSignal) =>
    apiPost<CohortCountView>(`/products/${enc(id)}/cohorts/count`, { cohort }, { signal }),
  searchFeatures: async (id: string, modality: string, q: string, signal?: AbortSignal) =>
    (
      await apiGet<FeatureSearchAnswer>(`/products/${enc(id)}/features`, {
        query: { modality, q },
        signal,
      })
    ).features,

  access: (id: string, signal?: AbortSignal) => apiGet<Access>(`/products/${enc(id)}/grants`, { signal }),
  grant: (id: string, principal: Principal, role: Role, signal?: AbortSignal) =>
    apiPost<Access>(`/products/${enc(id)}/grants`, { principal, role }, { signal }),
  revoke: (id: string, principal: Principal, signal?: AbortSignal) =>
    apiPost<Access>(`/products/${enc(id)}/grants/revoke`, { principal }, { signal }),
  setVisibility: (id: string, visibility: Access['visibility'], signal?: AbortSignal) =>
    apiPost<Access>(`/products/${enc(id)}/visibility`, { visibility }, { signal }),
  /** The appointed owners: for administrators and the owners. */
  owners: (id: string, signal?: AbortSignal) =>
    apiGet<AppointedOwners>(`/products/${enc(id)}/owners`, { signal }),
  /** Replaces the appointed owners: administrators only. */
  appointOwners: (id: string, owners: Principal[], signal?: AbortSignal) =>
    apiPost<AppointedOwners>(`/products/${enc(id)}/owners`, { owners }, { signal }),
  users: (signal?: AbortSignal) => apiGet<UserList>('/users', { signal }),
  /** A local account (administrators, on a node without single sign-on). */
  createLocalUser: (account: { username: string; name: string; email?: string }, signal?: AbortSignal) =>
    apiPost<CreatedUser>('/users', account, { signal }),
  /** A token for a local account, to hand to its user: the secret is in this answer only. */
  createTokenFor: (userId: string, name: string, scopes: TokenScope[], signal?: AbortSignal) =>
    apiPost<CreatedToken>(`/users/${enc(userId)}/tokens`, { name, scopes }, { signal }),
  groups: (signal?: AbortSignal) => apiGet<GroupList>('/groups', { signal }),

  /** 200 with the ended run, or 202 with the run still running (follow its events). */
  startRun: (
    id: string,
    protocolId: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<ApiResponse<RunStarted>> =>
    apiRequest<RunStarted>(`/products/${enc(id)}/protocols/${enc(protocolId)}/runs`, {
      method: 'POST',
      body: { params },
      headers: RUN_WAIT,
      signal,
    }),
  runs: (after?: string, limit = 25, signal?: AbortSignal) =>
    apiGet<RunPage>('/runs', { query: { limit: String(limit), after: after ?? undefined }, signal }),
  run: async (runId: string, signal?: AbortSignal) =>
    (await apiGet<RunAnswer>(`/runs/${enc(runId)}`, { signal })).run,
  cancel: async (runId: string, signal?: AbortSignal) =>
    (await apiPost<RunCancelled>(`/runs/${enc(runId)}/cancel`, {}, { signal })).run,
  rerun: (
    runId: string,
    versions: 'current' | 'original',
    signal?: AbortSignal,
  ): Promise<ApiResponse<RerunAnswer>> =>
    apiRequest<RerunAnswer>(`/runs/${enc(runId)}/rerun`, {
      method: 'POST',
      body: { versions },
      headers: RUN_WAIT,
      signal,
    }),
  /** 409 unless both runs succeeded: only results can be compared. */
  compare: (a: string, b: string, signal?: AbortSignal) =>
    apiGet<CompareAnswer>(`/runs/${enc(a)}/compare/${enc(b)}`, { signal }),

  federatedRun: async (
    sites: FederatedSite[],
    protocol: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ) =>
    (await apiPost<FederatedRunAnswer>('/federated/runs', { sites, protocol, params }, { signal }))
      .federatedRun,

  /** One page of the mesh catalog: `total` counts every match, `results` at most `limit` from `offset`. */
  catalogSearch: (
    query: {
      q?: string;
      domain?: string[];
      modality?: string[];
      tag?: string[];
      limit?: number;
      offset?: number;
    },
    signal?: AbortSignal,
  ) =>
    apiGet<CatalogSearchAnswer>('/catalog/search', {
      query: {
        q: query.q || undefined,
        domain: query.domain,
        modality: query.modality,
        tag: query.tag,
        limit: String(query.limit ?? CATALOG_PAGE),
        offset: query.offset ? String(query.offset) : undefined,
      },
      signal,
    }),
};
