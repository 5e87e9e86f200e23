// Shapes of the node's answers, derived from the types generated from its OpenAPI document
// (openapi.gen.ts, `npm run api-types`): a change on the server that the client does not follow is a
// compile error here or where the client reads the answer. Shapes are only named here, not copied.
import type { ResultDocumentView } from '../results/ResultViewProps.ts';
import type { components, paths } from './openapi.gen.ts';

type Schemas = components['schemas'];
type Method = 'get' | 'post';

/**
 * The JSON body of the answer `status` to `method path`. A path, method or status the document does not
 * have gives a type nothing is assignable to, so a wrong one cannot pass silently.
 */
export type Answer<
  P extends keyof paths,
  M extends Method = 'get',
  S extends number = 200,
> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer T } }
      ? T
      : { noJsonAnswer: [P, M, S] }
    : { noSuchStatus: [P, M, S] }
  : { noSuchOperation: [P, M] };

// Products and their models.

export type ProductDescriptor = Schemas['ProductDescriptor'];
export type Owner = ProductDescriptor['owners'][number];
export type ProductTests = NonNullable<ProductDescriptor['tests']>;
export type ProductList = Answer<'/api/v1/products'>;
export type ProductDetail = Answer<'/api/v1/products/{productId}'>;

/** The product's model as `GET /api/v1/products/{id}` answers it (`model`). */
export type ModelView = Schemas['ModelView'];
export type ModelAttribute = ModelView['attributes'][number];
/** A number attribute's summary carries a histogram, a category's the count per level. */
export type AttributeSummary = ModelAttribute['summary'];

export type Versions = Answer<'/api/v1/products/{productId}/versions'>['current'];
export type ProductVersions = Answer<'/api/v1/products/{productId}/versions'>;

// Protocols.

export type ProtocolSummary = Schemas['ProtocolSummary'];
/** A JSON Schema object as the node gives a protocol's parameters (`GET …/protocols`: `parameters`). */
export type JsonSchema = ProtocolSummary['parameters'];
export type Combine = NonNullable<ProtocolSummary['federation']>['combine'];
export type ProtocolList = Answer<'/api/v1/products/{productId}/protocols'>;
export type ProtocolAnswer = Answer<'/api/v1/products/{productId}/protocols/{protocolId}'>;

// Cohorts and features.

export type CohortCountView = Answer<'/api/v1/products/{productId}/cohorts/count', 'post'>;
export type FeatureSearchAnswer = Answer<'/api/v1/products/{productId}/features'>;
export type FeatureHitView = FeatureSearchAnswer['features'][number];

// Runs and their results.

export type { ResultDocumentView };

/**
 * ResultDocumentView (results/ResultViewProps.ts) stays hand-written: the result renderer takes any block
 * as a record and narrows it at run time (a block type it does not know is shown as such, not a crash).
 * The server's result document must still fit it, or this line does not compile.
 */
type Fits<Server extends Client, Client> = [Server, Client];
export type ResultDocumentFits = Fits<Schemas['ResultDocument'], ResultDocumentView>;

export type Run = Schemas['Run'];
export type RunStatus = Run['status'];
export type RunAnswer = Answer<'/api/v1/runs/{runId}'>;
export type RunStarted = Answer<'/api/v1/products/{productId}/protocols/{protocolId}/runs', 'post'>;
export type RunCancelled = Answer<'/api/v1/runs/{runId}/cancel', 'post'>;
export type RunPage = Answer<'/api/v1/runs'>;
export type VersionChange = Schemas['VersionChange'];
export type ResultComparison = Schemas['ResultComparison'];
/** A block only one of the two documents has: enough to name it. */
export type BlockMention = ResultComparison['blocks']['added'][number];
export type RerunAnswer = Answer<'/api/v1/runs/{runId}/rerun', 'post'>;
export type CompareAnswer = Answer<'/api/v1/runs/{runId}/compare/{otherRunId}'>;

// Users, tokens, access.

export type Me = Answer<'/api/v1/me'>;
/** A user as the node's directory lists them (GET /users). */
export type DirectoryUser = Answer<'/api/v1/users'>['users'][number];
/** A local account just created (POST /users). */
export type CreatedUser = Answer<'/api/v1/users', 'post', 201>;
export type UserList = Answer<'/api/v1/users'>;
export type GroupList = Answer<'/api/v1/groups'>;
/** A new API token: `secret` is what its user presents, and it is shown only in this answer. */
export type CreatedToken = Answer<'/api/v1/users/{userId}/tokens', 'post', 201>;
export type TokenScope = CreatedToken['token']['scopes'][number];

export type Access = Answer<'/api/v1/products/{productId}/grants'>;
export type Principal = Access['owners'][number];
export type Role = Access['grants'][number]['role'];
/** The users and groups an administrator appointed owners of a product. */
export type AppointedOwners = Answer<'/api/v1/products/{productId}/owners'>;

// The mesh catalog.

export type CatalogSearchAnswer = Answer<'/api/v1/catalog/search'>;
/** An entry of the mesh catalog as search answers it. */
export type CatalogEntry = CatalogSearchAnswer['results'][number];
export type CatalogModality = CatalogEntry['modalities'][number];
export type CatalogProtocol = CatalogEntry['protocols'][number];
export type FacetCount = CatalogSearchAnswer['facets']['domain'][number];

// Federated runs.

export type FederatedSite = Schemas['FederatedRequest']['sites'][number];
export type FederatedRunAnswer = Answer<'/api/v1/federated/runs', 'post'>;
export type FederatedRun = Schemas['FederatedRun'];
export type FederatedSiteOutcome = FederatedRun['sites'][number];
export type SiteStatus = FederatedSiteOutcome['status'];
/** What a site that answered sent back. */
export type SiteAnswer = Schemas['SiteAnswer'];
/** The combined answer: a result document's title, summary and blocks, but no provenance of its own. */
export type FederatedResult = Schemas['FederatedResult'];
