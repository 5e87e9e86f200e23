/**
 * GENERATED FILE: do not edit by hand.
 *
 * The types of the node's HTTP API, generated from its OpenAPI document (/api/v1/openapi.json) by
 * openapi-typescript. Regenerate after changing a route's schema: npm run api-types
 * (tools/web-api-types/generate.ts). A test fails when this file is out of date.
 */

export interface paths {
  '/api/v1/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This OpenAPI 3.1 document */
    get: operations['getOpenApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the node is up, and how many products it serves */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the data products this node serves */
    get: operations['listProducts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Describe a data product and its model (entity, attributes, endpoints) */
    get: operations['getProduct'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The versions of a product this node keeps: runs can be re-run pinned to any of them */
    get: operations['getVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/model': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The model with its facets: attributes (categories with counts, quantiles and histograms), endpoints, modalities with their sizes */
    get: operations['getModel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/protocols': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the protocols (analysis apps) of a data product */
    get: operations['listProtocols'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/protocols/{protocolId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Describe one protocol, with the JSON Schema of its parameters */
    get: operations['getProtocol'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/protocols/{protocolId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a protocol with parameters and get the result document
     * @description An identical earlier request (same versions, same parameters after defaults) is answered from the stored result (`reusedFrom` names the run) unless `fresh` is true. A run still executing after the wait (header `Prefer: wait=N` seconds, or `respond-async` for none; default set by the node) is answered with 202 and its Location.
     */
    post: operations['runProtocol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's run history, newest first, filtered and paged */
    get: operations['listRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run, with its result document exactly as first returned */
    get: operations['getRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}/result': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The stored bytes of a run’s result document; the ETag is their sha256
     * @description Canonical JSON (sorted keys, no whitespace): the same bytes every time, so that `sha256sum` of the body equals `resultHash`.
     */
    get: operations['getRunResult'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-sent events of a run: its status, then progress, then how it ended
     * @description text/event-stream. Events: `status` (the run now), `progress` ({fraction, message}), `finished` (the run as it ended, without its result: fetch GET /api/v1/runs/{id}). The stream closes after `finished`.
     */
    get: operations['followRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a run that is still executing */
    post: operations['cancelRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Execute a run again, on the current versions or pinned to the original ones
     * @description Always executes (never answered from the stored result). The answer names the versions that changed and whether the result changed, with a block-by-block comparison. Waits like a run (Prefer header); 202 while still executing.
     */
    post: operations['rerun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/runs/{runId}/compare/{otherRunId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How run b differs from run a: versions, then block by block with numeric deltas */
    get: operations['compareRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/cohorts/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Count the entities of a cohort, with the attrition after each criterion */
    post: operations['countCohort'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/features': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the features of a modality (genes, probes, event names) by name */
    get: operations['searchFeatures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the caller is: user, groups and, for a token, its scopes */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's personal API tokens (never their secrets) */
    get: operations['listTokens'];
    put?: never;
    /** Create a personal API token; its secret is in this answer and nowhere else */
    post: operations['createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens/{tokenId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a personal API token: refused from the next request on */
    post: operations['revokeToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who touched which product, when and with what outcome; newest first, paged */
    get: operations['queryAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's visibility, owners and grants (for its owners) */
    get: operations['getAccess'];
    put?: never;
    /** Give a user or group a role on the product (replacing the role they had) */
    post: operations['grantRole'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/grants/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a user's or group's role on the product away */
    post: operations['revokeRole'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/visibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make the product public or private */
    post: operations['setVisibility'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/protocols/{protocolId}/restriction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Let only members of these groups (and the owners) run a protocol; groupIds null lifts it */
    post: operations['restrictProtocol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/owners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's appointed owners (for administrators and the owners) */
    get: operations['getOwners'];
    put?: never;
    /** Replace a product's appointed owners (administrators) */
    post: operations['appointOwners'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The users of this node (ids to grant roles to) */
    get: operations['listUsers'];
    put?: never;
    /** Create a local account, for nodes without single sign-on (administrators) */
    post: operations['createLocalUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The groups of this node, local and from the identity provider */
    get: operations['listGroups'];
    put?: never;
    /** Create a local group (administrators) */
    post: operations['createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a user to a local group (administrators) */
    post: operations['addGroupMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{userId}/admin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a user a node administrator, or no longer one (administrators) */
    post: operations['setAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{userId}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an API token for a local account, to hand to its user (administrators) */
    post: operations['createTokenForLocalUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{productId}/protocols/{protocolId}/aggregates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A product's aggregates for a federated question, after its disclosure control
     * @description What a coordinating node asks each site. Needs the right to run the protocol here and a product whose owners allow federated use; small counts are suppressed (with secondary suppression), small groups and estimates withheld.
     */
    post: operations['siteAggregates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federated/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask several products (sites, on this node or others) one question and combine their aggregates
     * @description Every site answers in parallel within its deadline; each site's status is reported (ok, denied, suppressed, timeout, error) with the combined result of those that answered. Only aggregates cross nodes.
     */
    post: operations['runFederated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A node publishes its catalog entries: its full list, each signed with the node's key
     * @description Nodes of the mesh only (node token). Every entry must be of the calling node and verify against its published keys; entries of the node not in the list are removed. Counts as a heartbeat.
     */
    post: operations['publishCatalogEntries'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/heartbeat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A node says it is alive: its entries are not stale */
    post: operations['catalogHeartbeat'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the data products of the mesh, with facets */
    get: operations['searchCatalog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{nodeId}/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A catalog entry with its node's signature (JWS), so that anyone can check it */
    get: operations['getCatalogEntry'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{nodeId}/{productId}/odps.yaml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A catalog entry as an Open Data Product Specification 4.1 document (YAML) */
    get: operations['getCatalogEntryOdps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{nodeId}/{productId}/dcat.jsonld': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A catalog entry as DCAT-AP 3 and schema.org Dataset (JSON-LD) */
    get: operations['getCatalogEntryDcat'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorDetail: {
      /** @description Where the problem is: a parameter name, or a JSON pointer into the request body. */
      at?: string;
      message: string;
      /** @description What would have been accepted. */
      expected?: string;
      /** @description What was sent (possibly shortened). */
      found?: unknown;
      /** @description The values that would have been accepted. */
      allowed?: unknown[];
    };
    /** @description An error. */
    ErrorBody: {
      error: {
        /** @description Stable machine-readable code, e.g. INPUT_INVALID, NOT_FOUND, INTERNAL. */
        code: string;
        /** @description A sentence for people. */
        message: string;
        /** @description Only on server faults: quote it to the operator to find the log entry. */
        errorId?: string;
        details: components['schemas']['ErrorDetail'][];
      };
    };
    ProductDescriptor: {
      id: string;
      title: string;
      /** @description Semantic version of the product. */
      version: string;
      /** @description Markdown. */
      description: string;
      domain: string;
      owners: {
        /** @description A person or group responsible for the product. */
        name: string;
        /** Format: email */
        email?: string;
        /** @description e.g. data steward, principal investigator. */
        role?: string;
      }[];
      tags: string[];
      entity: {
        /** @description What one row is, e.g. patient. */
        singular: string;
        plural: string;
        count: number;
      };
      /** @description Id of the snapshot the product serves. */
      dataVersion: string;
      /** @description How this version fared in the product's own tests (tests/*.yaml), run by the node before serving it. */
      tests?: {
        /** @description none: the product has no tests. */
        status: 'passed' | 'failed' | 'none';
        cases: number;
        passed: number;
        failed: number;
        errors: number;
        /** @description Cases not judged: a product their protocol asks (ctx.mesh) is not on this node when the tests run. */
        skipped?: number;
        /** @description Protocols no test case runs. */
        untestedProtocols: string[];
        /** @description The first failures, one line each. */
        failures: string[];
        /** Format: date-time */
        checkedAt: string;
        /** @description Served although its tests fail: the node was started with the override. */
        overridden?: boolean;
      };
      /** @description sha256 (16 hex digits) of the product's definition files: changes whenever protocols or plugins do. */
      definitionHash: string;
      gitCommit: string | null;
      /** Format: date-time */
      builtAt: string;
    };
    ModelView: {
      entity: {
        /** @description What one row is, e.g. patient. */
        singular: string;
        plural: string;
        count: number;
      };
      attributes: {
        id: string;
        label: string;
        /** @description integer, number, boolean, category, date or text. */
        type: 'integer' | 'number' | 'boolean' | 'category' | 'date' | 'text';
        unit?: string;
        description?: string;
        levels?: string[];
        summary: {
          count: number;
          missing: number;
          min?: number;
          max?: number;
          mean?: number;
          sd?: number;
          /** @description First quartile, median, third quartile. */
          quartiles?: number[];
          /** Format: date */
          first?: string;
          /** Format: date */
          last?: string;
          levels?: {
            value: string;
            count: number;
          }[];
          distinct?: number;
          /** @description Equal-width bins from min to max. */
          histogram?: {
            /** @description Bin edges, one more than the counts. */
            edges: number[];
            counts: number[];
          };
        };
      }[];
      endpoints: {
        id: string;
        label: string;
        description?: string;
        unit: string;
        summary: {
          count: number;
          events: number;
          censored: number;
          missing: number;
        };
      }[];
      modalities: (
        | {
            id: string;
            label: string;
            description?: string;
            rows: number;
            /** @description Entities with at least one value. */
            entities: number;
            /** @description Source rows left out: their entity is not in the product. */
            dropped: number;
            /** @enum {string} */
            kind: 'events';
            timeKind: 'offset' | 'date';
            fields: ('code' | 'group' | 'value' | 'text' | 'unit')[];
            /** @description Distinct event names. */
            names: number;
            topNames: {
              name: string;
              events: number;
              entities: number;
            }[];
          }
        | {
            id: string;
            label: string;
            description?: string;
            rows: number;
            /** @description Entities with at least one value. */
            entities: number;
            /** @description Source rows left out: their entity is not in the product. */
            dropped: number;
            /** @enum {string} */
            kind: 'matrix';
            unit?: string;
            features: number;
            hasNames: boolean;
            summary: {
              min: number | null;
              max: number | null;
              mean: number | null;
              missing: number;
            };
          }
        | {
            id: string;
            label: string;
            description?: string;
            rows: number;
            /** @description Entities with at least one value. */
            entities: number;
            /** @description Source rows left out: their entity is not in the product. */
            dropped: number;
            /** @enum {string} */
            kind: 'variants';
            fields: ('gene' | 'consequence' | 'zygosity')[];
            genes: number;
            /** @description Entities with genotypes, carrying variants or not. */
            profiled: number;
            topGenes: {
              gene: string;
              variants: number;
              entities: number;
            }[];
          }
      )[];
    };
    ProtocolSummary: {
      id: string;
      /** @description Semantic version of the protocol. */
      version: string;
      title: string;
      description: string;
      category: string;
      /** @description JSON Schema of the `params` object of a run, with the model’s choices as enums. */
      parameters: {
        [key: string]: unknown;
      };
      federation?: {
        /** @description How sites combine in a federated run (POST /api/v1/federated/runs). */
        combine: 'sum' | 'pooled-moments' | 'meta-analysis' | 'km-pooled';
      };
    };
    /** @description What a run returns. The same versions and parameters always give the same document. */
    ResultDocument: {
      /**
       * @description Always plexus.dev/v1.
       * @enum {string}
       */
      apiVersion: 'plexus.dev/v1';
      /** @enum {string} */
      kind: 'Result';
      title: string;
      summary?: string;
      blocks: (
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'markdown';
            text: string;
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'table';
            columns: {
              id: string;
              label: string;
              type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
              unit?: string;
            }[];
            /** @description One array per row, cells in column order; null is missing. */
            rows: (string | number | boolean | null)[][];
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'statistic';
            /** @description What is measured, e.g. log-rank chi-square. */
            name: string;
            value: number | null;
            unit?: string;
            ci?: {
              lower: number | null;
              upper: number | null;
              level: number;
            };
            p?: number | null;
            df?: number;
            method?: string;
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'chart';
            /** @description A Vega-Lite specification with its data inline. */
            spec: {
              $schema: string;
            } & {
              [key: string]: unknown;
            };
          }
      )[];
      provenance: {
        product: {
          id: string;
          /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
          version: string;
        };
        dataVersion: string;
        gitCommit: string | null;
        protocol: {
          id: string;
          /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
          version: string;
        };
        plugin: {
          module: string;
          export: string;
          sha256: string;
        };
        engineVersion: string;
        /** @description The parameters after defaults were applied. */
        parameters: {
          [key: string]: unknown;
        };
        /** @description The other data products the run asked, in the order the plugin asked them: their answers are part of this result. */
        calls?: {
          /** @description run: a protocol of the other product was run; cohort-count: one of its cohorts was counted. */
          kind: 'run' | 'cohort-count';
          /** @description The node that answered; null for the node of this run. */
          node: string | null;
          product: {
            id: string;
            /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
            version?: string;
          };
          protocol?: {
            id: string;
            /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
            version?: string;
          };
          dataVersion?: string;
          gitCommit?: string | null;
          pluginSha256?: string;
          engineVersion?: string;
          /** @description sha256 of the canonical JSON of the other run's parameters after its defaults. */
          parametersSha256?: string;
          /** @description Set when the call failed; the plugin went on without it. */
          error?: {
            code: string;
            message: string;
          };
        }[];
      };
    };
    /** @description One execution of a protocol. A run whose plugin failed has status failed and an error. */
    Run: {
      id: string;
      /** @description running until it ends; a plugin failure is a failed run, not an HTTP error. */
      status: 'running' | 'succeeded' | 'failed' | 'cancelled';
      productId: string;
      protocolId: string;
      protocolVersion?: string;
      /** Format: date-time */
      startedAt: string;
      finishedAt?: string | null;
      /** @description So far, while the run is running. */
      durationMs: number;
      /** @description Every version a result depends on. */
      versions?: {
        productVersion: string;
        /** @description sha256 (16 hex digits) of the product's definition files: protocols, plugins, mapping. */
        definitionHash: string;
        gitCommit: string | null;
        /** @description Id of the snapshot the run read. */
        dataVersion: string;
        engineVersion: string;
      };
      pluginSha256?: string;
      /** @description The parameters after defaults were applied and names resolved. */
      params?: {
        [key: string]: unknown;
      };
      /** @description sha256 of the canonical JSON of the result document (GET /runs/{id}/result). */
      resultHash?: string | null;
      /** @description The earlier run of the same versions and parameters whose stored result answered this one. */
      reusedFrom?: string | null;
      /** @description The run this one re-ran. */
      rerunOf?: string | null;
      /** @description What the plugin last reported, while running. */
      progress?: {
        fraction: number;
        message?: string;
      };
      result?: components['schemas']['ResultDocument'];
      error?: {
        /** @description e.g. PLUGIN_FAILED, PLUGIN_TIMEOUT, PLUGIN_OUT_OF_MEMORY, INVALID_RESULT, CANCELLED, NODE_RESTARTED. */
        code: string;
        message: string;
      };
    };
    RunRequest: {
      /** @description Parameters of the protocol, as described by its `parameters` schema. Default: {}. */
      params?: {
        [key: string]: unknown;
      };
      /** @description Execute even when an identical earlier request has a stored result. Default false: the stored result answers. */
      fresh?: boolean;
    };
    /** @description How a second result document differs from a first, block by block (matched by id), and in provenance. */
    ResultComparison: {
      /** @description The canonical JSON (sorted keys) of both documents is equal. */
      identical: boolean;
      summary: {
        blocksAdded: number;
        blocksRemoved: number;
        blocksChanged: number;
        blocksUnchanged: number;
        /** @description Provenance fields that differ. */
        provenanceChanged: number;
        parametersChanged: number;
      };
      /** @description The documents' title and summary, where they differ. */
      document: {
        title?: {
          from: string | null;
          to: string | null;
        };
        summary?: {
          from: string | null;
          to: string | null;
        };
      };
      blocks: {
        /** @description In the order of the second document. */
        added: {
          id: string;
          type: 'markdown' | 'table' | 'statistic' | 'chart';
          title?: string;
        }[];
        /** @description In the order of the first document. */
        removed: {
          id: string;
          type: 'markdown' | 'table' | 'statistic' | 'chart';
          title?: string;
        }[];
        /** @description In the order of the first document. */
        changed: (
          | {
              id: string;
              title?: {
                from: string | null;
                to: string | null;
              };
              /** @enum {string} */
              type: 'markdown';
              lineCount: {
                from: number;
                to: number;
              };
              linesAdded: number;
              linesRemoved: number;
              diff: {
                count: number;
                /** @description '- ' removed and '+ ' added lines, in order. */
                lines: string[];
              };
            }
          | {
              id: string;
              title?: {
                from: string | null;
                to: string | null;
              };
              /** @enum {string} */
              type: 'table';
              columns: {
                added: string[];
                removed: string[];
                /** @description Columns of both whose label, type or unit differ. */
                changed: {
                  id: string;
                  from: {
                    id: string;
                    label: string;
                    type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
                    unit?: string;
                  };
                  to: {
                    id: string;
                    label: string;
                    type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
                    unit?: string;
                  };
                }[];
                reordered: boolean;
              };
              /** @description The columns rows are matched by: the first common columns whose values are unique in both tables; null when no such columns exist and whole rows are matched. */
              key: string[] | null;
              rowCount: {
                from: number;
                to: number;
              };
              rowsAdded: {
                /** @description How many rows; at most a few are listed. */
                count: number;
                rows: {
                  [key: string]: string | number | boolean | null;
                }[];
              };
              rowsRemoved: {
                /** @description How many rows; at most a few are listed. */
                count: number;
                rows: {
                  [key: string]: string | number | boolean | null;
                }[];
              };
              /** @description Matched rows appear in another order. */
              rowsReordered: boolean;
              cellsChanged: {
                count: number;
                cells: {
                  /** @description The key cells of the row, by column id. */
                  key: {
                    [key: string]: string | number | boolean | null;
                  };
                  row: {
                    from: number;
                    to: number;
                  };
                  column: string;
                  from: string | number | boolean | null;
                  to: string | number | boolean | null;
                  delta: number | null;
                  relativeDelta: number | null;
                }[];
              };
            }
          | {
              id: string;
              title?: {
                from: string | null;
                to: string | null;
              };
              /** @enum {string} */
              type: 'statistic';
              name?: {
                from: string | null;
                to: string | null;
              };
              unit?: {
                from: string | null;
                to: string | null;
              };
              method?: {
                from: string | null;
                to: string | null;
              };
              value?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
              ciLower?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
              ciUpper?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
              ciLevel?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
              p?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
              df?: {
                from: number | null;
                to: number | null;
                delta: number | null;
                relativeDelta: number | null;
              };
            }
          | {
              id: string;
              title?: {
                from: string | null;
                to: string | null;
              };
              /** @enum {string} */
              type: 'chart';
              /** @description Inline data values of the Vega-Lite spec, layers and concatenations included. */
              dataRows: {
                from: number;
                to: number;
              };
              dataChanged: boolean;
              /** @description Anything but the inline data differs: marks, encodings, … */
              specChanged: boolean;
            }
          | {
              id: string;
              title?: {
                from: string | null;
                to: string | null;
              };
              /** @enum {string} */
              type: 'type-changed';
              from: 'markdown' | 'table' | 'statistic' | 'chart';
              to: 'markdown' | 'table' | 'statistic' | 'chart';
            }
        )[];
        /** @description Block ids, in the order of the first document. */
        unchanged: string[];
      };
      provenance: {
        same: boolean;
        /** @description In the order of the fields above. */
        changed: {
          field:
            | 'product.id'
            | 'product.version'
            | 'gitCommit'
            | 'dataVersion'
            | 'protocol.id'
            | 'protocol.version'
            | 'plugin.module'
            | 'plugin.export'
            | 'plugin.sha256'
            | 'engineVersion';
          from: string | null;
          to: string | null;
        }[];
        /** @description Parameters that differ, by name. */
        parameters: {
          name: string;
          from?: unknown;
          to?: unknown;
        }[];
      };
    };
    /** @description A version that differs between two runs. */
    VersionChange: {
      name:
        | 'productVersion'
        | 'definitionHash'
        | 'gitCommit'
        | 'dataVersion'
        | 'engineVersion'
        | 'protocolVersion'
        | 'pluginSha256';
      from: string | null;
      to: string | null;
    };
    /** @description What a site of a federated run sends: aggregates after its disclosure control. */
    SiteAggregates:
      | {
          /** @enum {string} */
          kind: 'counts';
          rows: {
            /** @description The attribute the dimension counts by. */
            id: string;
            label: string;
            /** @description Its levels, in order: every site sends the same ones. */
            levels: string[];
          };
          columns?: {
            /** @description The attribute the dimension counts by. */
            id: string;
            label: string;
            /** @description Its levels, in order: every site sends the same ones. */
            levels: string[];
          };
          counts: (number | null)[][];
          suppression?: (null | 'primary' | 'secondary')[][];
        }
      | {
          /** @enum {string} */
          kind: 'moments';
          variable: {
            id: string;
            label: string;
            unit?: string;
          };
          groupBy?: {
            id: string;
            label: string;
          };
          groups: {
            group: string;
            n: number | null;
            mean: number | null;
            m2: number | null;
          }[];
        }
      | {
          /** @enum {string} */
          kind: 'estimates';
          measure: 'log-hazard-ratio' | 'mean-difference';
          estimates: {
            /** @description What is estimated, e.g. the term arm=test. */
            id: string;
            label: string;
            estimate: number | null;
            se: number | null;
            n: number | null;
            events?: number | null;
          }[];
        }
      | {
          /** @enum {string} */
          kind: 'risk-tables';
          endpoint: {
            id: string;
            label: string;
            unit: string;
          };
          groupBy?: {
            id: string;
            label: string;
          };
          grid: number[];
          strata: {
            group: string;
            nRisk: number[] | null;
            nEvent: number[] | null;
            nCensor: number[] | null;
          }[];
        };
    /** @description The combined answer: title, summary and blocks, like a result document. */
    FederatedResult: {
      title: string;
      summary?: string;
      blocks: (
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'markdown';
            text: string;
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'table';
            columns: {
              id: string;
              label: string;
              type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
              unit?: string;
            }[];
            /** @description One array per row, cells in column order; null is missing. */
            rows: (string | number | boolean | null)[][];
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'statistic';
            /** @description What is measured, e.g. log-rank chi-square. */
            name: string;
            value: number | null;
            unit?: string;
            ci?: {
              lower: number | null;
              upper: number | null;
              level: number;
            };
            p?: number | null;
            df?: number;
            method?: string;
          }
        | {
            /** @description Stable id of the block: tests, comparisons and clients refer to it. */
            id: string;
            title?: string;
            /** @enum {string} */
            type: 'chart';
            /** @description A Vega-Lite specification with its data inline. */
            spec: {
              $schema: string;
            } & {
              [key: string]: unknown;
            };
          }
      )[];
    };
    SiteAnswer: {
      productId: string;
      node: string;
      protocol: {
        id: string;
        version: string;
        combine: 'sum' | 'pooled-moments' | 'meta-analysis' | 'km-pooled';
      };
      /** @description Every version a result depends on. */
      versions: {
        productVersion: string;
        /** @description sha256 (16 hex digits) of the product's definition files: protocols, plugins, mapping. */
        definitionHash: string;
        gitCommit: string | null;
        /** @description Id of the snapshot the run read. */
        dataVersion: string;
        engineVersion: string;
      };
      aggregates: components['schemas']['SiteAggregates'];
      /** @description Values withheld by disclosure control. */
      withheld: number;
      /** @description Every value was withheld. */
      empty: boolean;
      reasons: string[];
    };
    FederatedRequest: {
      sites: {
        /** @description The product id on its node. */
        product: string;
        /** @description The node serving it (mesh node id); default this node. */
        node?: string;
      }[];
      /** @description A protocol every site serves, with the same federation rule. */
      protocol: string;
      params?: {
        [key: string]: unknown;
      };
      /** @description Per site; default 30. */
      timeoutSeconds?: number;
    };
    FederatedRun: {
      status: 'succeeded' | 'failed';
      protocol: string;
      params: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      startedAt: string;
      durationMs: number;
      sites: {
        product: string;
        node: string;
        /** @description ok: combined; denied: not allowed or unknown there; suppressed: all withheld; timeout; error. */
        status: 'ok' | 'denied' | 'suppressed' | 'timeout' | 'error';
        message?: string;
        durationMs: number;
        answer?: components['schemas']['SiteAnswer'];
      }[];
      result?: components['schemas']['FederatedResult'];
      error?: {
        code: string;
        message: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getOpenApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An OpenAPI 3.1 document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The node is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            /** @description Number of products served. */
            products: number;
          };
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listProducts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The products this node serves. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            products: components['schemas']['ProductDescriptor'][];
          };
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getProduct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A product and its model. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            product: components['schemas']['ProductDescriptor'];
            model: components['schemas']['ModelView'];
          };
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Every version a result depends on. */
            current: {
              productVersion: string;
              /** @description sha256 (16 hex digits) of the product's definition files: protocols, plugins, mapping. */
              definitionHash: string;
              gitCommit: string | null;
              /** @description Id of the snapshot the run read. */
              dataVersion: string;
              engineVersion: string;
            };
            /** @description Kept definitions (protocols, plugins, mapping), newest first. */
            definitions: {
              definitionHash: string;
              productVersion: string;
              gitCommit: string | null;
            }[];
            /** @description Kept snapshots, newest first. */
            snapshots: {
              dataVersion: string;
              builtAt: string;
              entityCount: number;
            }[];
          };
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelView'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listProtocols: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The product's protocols: its data contract. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            protocols: components['schemas']['ProtocolSummary'][];
          };
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getProtocol: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
        /** @description Id of a protocol of the product, e.g. km-curve. */
        protocolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A protocol and the JSON Schema of its parameters. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            protocol: components['schemas']['ProtocolSummary'];
          };
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  runProtocol: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
        /** @description Id of a protocol of the product, e.g. km-curve. */
        protocolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RunRequest'];
      };
    };
    responses: {
      /** @description The run, succeeded or failed: a plugin failure is a result of the run, not an HTTP error. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
          };
        };
      };
      /** @description The run is still executing: follow it at the Location (GET /api/v1/runs/{id}, or /events for server-sent events). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every plugin worker is busy and the queue is full; retry after a moment. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listRuns: {
    parameters: {
      query?: {
        productId?: string;
        protocolId?: string;
        status?: 'running' | 'succeeded' | 'failed' | 'cancelled';
        /** @description Started at or after (inclusive). */
        from?: string;
        /** @description Started before (exclusive). */
        to?: string;
        /** @description How many, 1 to 200; default 50. */
        limit?: string;
        /** @description The next cursor of the previous page. */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Newest first, without result documents. */
            runs: components['schemas']['Run'][];
            /** @description Pass as `after` for the next page. */
            next: string | null;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a run. */
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
          };
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getRunResult: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a run. */
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A result document (result.schema.json). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  followRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a run. */
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  cancelRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a run. */
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
          };
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rerun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a run. */
        runId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description current (default): the versions the node serves now; original: exactly the versions of the first run, kept read-only by the node. */
          versions?: 'current' | 'original';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
            changes: {
              /** @description The versions that differ from the original run; empty when none does. */
              versions: components['schemas']['VersionChange'][];
              /** @description Whether the result document differs from the original one; null until both exist. */
              resultChanged: boolean | null;
              comparison?: components['schemas']['ResultComparison'];
            };
          };
        };
      };
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: components['schemas']['Run'];
            changes: {
              /** @description The versions that differ from the original run; empty when none does. */
              versions: components['schemas']['VersionChange'][];
              /** @description Whether the result document differs from the original one; null until both exist. */
              resultChanged: boolean | null;
              comparison?: components['schemas']['ResultComparison'];
            };
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every plugin worker is busy and the queue is full; retry after a moment. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  compareRuns: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Run a: the reference. */
        runId: string;
        /** @description Run b: compared with a. */
        otherRunId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How run b differs from run a: versions, then block by block. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            a: components['schemas']['Run'];
            b: components['schemas']['Run'];
            versions: components['schemas']['VersionChange'][];
            comparison: components['schemas']['ResultComparison'];
          };
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  countCohort: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Cohort definition (cohort.schema.json): {} for every entity, or a tree of all / any / not / atLeast+of over criteria on attributes, endpoints, events, matrix features and variants, e.g. {"all": [{"attribute": "age", "op": "gte", "value": 65}, {"matrix": "expression", "feature": "EGFR", "percentile": {"above": 75}}]}. */
          cohort?: unknown;
        };
      };
    };
    responses: {
      /** @description The size of a cohort and its attrition table. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            entity: {
              singular: string;
              plural: string;
            };
            /** @description Entities left after each top-level criterion of an all, in turn (or after the whole cohort otherwise); step 0 is every entity. */
            attrition: {
              step: number;
              /** @description The criterion added at this step, as people read it. */
              criterion: string;
              count: number;
            }[];
            /** @description The product counted, at its version. */
            product: {
              id: string;
              version: string;
            };
            /** @description The snapshot counted. */
            dataVersion: string;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  searchFeatures: {
    parameters: {
      query: {
        /** @description A modality of the product (see its model): matrix features, event names or genes. */
        modality: string;
        /** @description Text to find: exact, prefix and substring matches, case-insensitive. */
        q: string;
        /** @description How many, 1 to 100; default 20. */
        limit?: string;
      };
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            modality: string;
            /** @description Exact matches first, then prefixes, then substrings. */
            features: {
              /** @description Feature id, event name or gene: what a cohort criterion or frame column takes. */
              id: string;
              /** @description Feature name (e.g. gene symbol) where the matrix has one. */
              name: string | null;
              /** @description Entities with that event or a variant in that gene. */
              entities?: number;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            via: 'anonymous' | 'token' | 'sso' | 'node';
            node?: {
              /** @description The node of the mesh that calls for the user. */
              id: string;
            };
            user: {
              id: string;
              name: string;
              email: string | null;
              admin: boolean;
            } | null;
            groups: {
              id: string;
              name: string;
              external: boolean;
            }[];
            /** @description The scopes of the token used, when one was. */
            scopes?: ('read' | 'run' | 'export' | 'admin')[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            tokens: {
              id: string;
              name: string;
              scopes: ('read' | 'run' | 'export' | 'admin')[];
              /** Format: date-time */
              createdAt: string;
              expiresAt: string | null;
              revokedAt: string | null;
              lastUsedAt: string | null;
            }[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the token is for, e.g. "laptop R session". */
          name: string;
          scopes: ('read' | 'run' | 'export' | 'admin')[];
          /** @description Default 90; tokens that never expire are not offered. */
          expiresInDays?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A personal API token, never with its secret. */
            token: {
              id: string;
              name: string;
              scopes: ('read' | 'run' | 'export' | 'admin')[];
              /** Format: date-time */
              createdAt: string;
              expiresAt: string | null;
              revokedAt: string | null;
              lastUsedAt: string | null;
            };
            /** @description The whole token to present as "Authorization: Bearer …". Shown once. */
            secret: string;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A personal API token, never with its secret. */
            token: {
              id: string;
              name: string;
              scopes: ('read' | 'run' | 'export' | 'admin')[];
              /** Format: date-time */
              createdAt: string;
              expiresAt: string | null;
              revokedAt: string | null;
              lastUsedAt: string | null;
            };
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  queryAudit: {
    parameters: {
      query?: {
        productId?: string;
        userId?: string;
        /** @description Inclusive. */
        from?: string;
        /** @description Exclusive. */
        to?: string;
        /** @description How many, 1 to 1000; default 100. */
        limit?: string;
        /** @description The next cursor of the previous page. */
        after?: string;
        /** @description jsonl: one entry per line (application/x-ndjson), for export. */
        format?: 'json' | 'jsonl';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              id: number;
              /** Format: date-time */
              at: string;
              userId: string | null;
              tokenId: string | null;
              /** @description The operation, e.g. runProtocol, countCohort. */
              action: string;
              productId: string | null;
              dataVersion: string | null;
              protocolId: string | null;
              paramsHash: string | null;
              outcome: 'allowed' | 'denied' | 'failed';
              status: number;
              requestId: string;
            }[];
            next: string | null;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAccess: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who may see and use the product. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            visibility: 'public' | 'private';
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
            grants: {
              principal: {
                kind: 'user' | 'group';
                /** @description A user id or group id of this node. */
                id: string;
              };
              /** @description viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access. */
              role: 'viewer' | 'analyst' | 'exporter' | 'owner';
              grantedBy: string;
              /** Format: date-time */
              grantedAt: string;
            }[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  grantRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          principal: {
            kind: 'user' | 'group';
            /** @description A user id or group id of this node. */
            id: string;
          };
          /** @description viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access. */
          role: 'viewer' | 'analyst' | 'exporter' | 'owner';
        };
      };
    };
    responses: {
      /** @description Who may see and use the product. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            visibility: 'public' | 'private';
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
            grants: {
              principal: {
                kind: 'user' | 'group';
                /** @description A user id or group id of this node. */
                id: string;
              };
              /** @description viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access. */
              role: 'viewer' | 'analyst' | 'exporter' | 'owner';
              grantedBy: string;
              /** Format: date-time */
              grantedAt: string;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  revokeRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          principal: {
            kind: 'user' | 'group';
            /** @description A user id or group id of this node. */
            id: string;
          };
        };
      };
    };
    responses: {
      /** @description Who may see and use the product. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            visibility: 'public' | 'private';
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
            grants: {
              principal: {
                kind: 'user' | 'group';
                /** @description A user id or group id of this node. */
                id: string;
              };
              /** @description viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access. */
              role: 'viewer' | 'analyst' | 'exporter' | 'owner';
              grantedBy: string;
              /** Format: date-time */
              grantedAt: string;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setVisibility: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          visibility: 'public' | 'private';
        };
      };
    };
    responses: {
      /** @description Who may see and use the product. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            visibility: 'public' | 'private';
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
            grants: {
              principal: {
                kind: 'user' | 'group';
                /** @description A user id or group id of this node. */
                id: string;
              };
              /** @description viewer: metadata and aggregate counts; analyst: every protocol; exporter: row-level downloads; owner: manage access. */
              role: 'viewer' | 'analyst' | 'exporter' | 'owner';
              grantedBy: string;
              /** Format: date-time */
              grantedAt: string;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  restrictProtocol: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        productId: string;
        protocolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The groups whose members may run the protocol; [] leaves it to the owners; null lifts the restriction. */
          groupIds: string[] | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            protocolId: string;
            groupIds: string[] | null;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOwners: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            productId: string;
            /** @description The users and groups appointed owners: they manage grants and visibility. */
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  appointOwners: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The whole new list; [] leaves the product to owners by grant alone. */
          owners: {
            kind: 'user' | 'group';
            /** @description A user id or group id of this node. */
            id: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            productId: string;
            /** @description The users and groups appointed owners: they manage grants and visibility. */
            owners: {
              kind: 'user' | 'group';
              /** @description A user id or group id of this node. */
              id: string;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: {
              id: string;
              name: string;
              subject: string;
              issuer: string | null;
              admin: boolean;
            }[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createLocalUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Unique on the node: lower-case letters, digits, dot, dash, underscore, e.g. "a.lovelace". */
          username: string;
          /** @description The name people see, e.g. "Ada Lovelace". */
          name: string;
          /** Format: email */
          email?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            subject: string;
            issuer: string | null;
            admin: boolean;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listGroups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            groups: {
              id: string;
              name: string;
              /** @description true: mirrored from the identity provider's groups claim. */
              external: boolean;
            }[];
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createGroup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            /** @description true: mirrored from the identity provider's groups claim. */
            external: boolean;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  addGroupMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          userId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            members: {
              id: string;
              name: string;
              subject: string;
              issuer: string | null;
              admin: boolean;
            }[];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          admin: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            subject: string;
            issuer: string | null;
            admin: boolean;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createTokenForLocalUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the token is for, e.g. "laptop R session". */
          name: string;
          scopes: ('read' | 'run' | 'export' | 'admin')[];
          /** @description Default 90; tokens that never expire are not offered. */
          expiresInDays?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A personal API token, never with its secret. */
            token: {
              id: string;
              name: string;
              scopes: ('read' | 'run' | 'export' | 'admin')[];
              /** Format: date-time */
              createdAt: string;
              expiresAt: string | null;
              revokedAt: string | null;
              lastUsedAt: string | null;
            };
            /** @description The whole token to present as "Authorization: Bearer …". Shown once. */
            secret: string;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  siteAggregates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of a data product, e.g. va-lung-trial. */
        productId: string;
        /** @description Id of a protocol of the product, e.g. km-curve. */
        protocolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          params?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            site: components['schemas']['SiteAnswer'];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  runFederated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FederatedRequest'];
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            federatedRun: components['schemas']['FederatedRun'];
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  publishCatalogEntries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Every entry the node publishes, each a compact JWS signed with the node's key: the full list (entries of the node not in it are removed). */
          entries: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            node: string;
            published: number;
            /** @description Entries of the node no longer in its list. */
            removed: number;
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every plugin worker is busy and the queue is full; retry after a moment. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  catalogHeartbeat: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            node: string;
            /** @description How many entries of the node the catalog holds. */
            entries: number;
            heartbeatIntervalMs: number;
          };
        };
      };
      /** @description No valid credentials: present a node API token or an identity-provider access token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  searchCatalog: {
    parameters: {
      query?: {
        /** @description Free text over titles, descriptions, tags, domains, owners, modalities and protocols; the last word is a prefix. */
        q?: string;
        /** @description A domain, e.g. oncology. Repeat the parameter for several values (any of them). */
        domain?: string | string[];
        /** @description A modality kind: events, matrix or variants. Repeat the parameter for several values (any of them). */
        modality?: string | string[];
        /** @description A tag. Repeat the parameter for several values (any of them). */
        tag?: string | string[];
        /** @description An owner's name. Repeat the parameter for several values (any of them). */
        owner?: string | string[];
        /** @description Only the entries of this product id, on every node that serves it. */
        product?: string;
        /** @description Also list the entries of nodes that stopped sending heartbeats; default false. */
        includeStale?: 'true' | 'false';
        /** @description How many, 1 to 100; default 20. */
        limit?: string;
        /** @description How many to skip; default 0. */
        offset?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description How many entries match, over all pages. */
            total: number;
            results: {
              /** @description Lower-case letters and digits separated by single hyphens (e.g. va-lung-trial). */
              id: string;
              title: string;
              description: string;
              domain: string;
              owners: {
                /** @description A person or group responsible for the product. */
                name: string;
                /** Format: email */
                email?: string;
                /** @description e.g. data steward, principal investigator. */
                role?: string;
              }[];
              tags: string[];
              entity: {
                singular: string;
                plural: string;
                /** @description After disclosure control: null when suppressed, possibly rounded. */
                count: number | null;
                disclosure: {
                  /** @description Counts below this are suppressed: published as null. */
                  minCellCount: number;
                  /** @description True when the count was below minCellCount. */
                  suppressed: boolean;
                  /** @description 1: the count as it is; 10: rounded to the nearest 10. */
                  roundedTo: 1 | 10;
                };
              };
              modalities: {
                id: string;
                kind: 'events' | 'matrix' | 'variants';
                label: string;
              }[];
              protocols: {
                /** @description Lower-case letters and digits separated by single hyphens (e.g. va-lung-trial). */
                id: string;
                version: string;
                title: string;
                category: string;
                federated?: {
                  /** @description How the per-node results combine across the mesh, e.g. meta-analysis. */
                  combine: string;
                };
              }[];
              versions: {
                /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
                productVersion: string;
                dataVersion: string;
                definitionHash: string;
              };
              node: {
                id: string;
                /** Format: uri */
                url: string;
              };
              health: 'ok' | 'degraded';
              tests: {
                status: 'passed' | 'failed' | 'none';
                cases: number;
                passed: number;
                failed: number;
              };
              /** @description private: listed in the catalog, but its data needs a grant on the node. */
              visibility: 'public' | 'private';
              /** Format: date-time */
              publishedAt: string;
              /** @description Higher is better; 0 without q. */
              score: number;
              /** @description Its node has sent no heartbeat for 3 heartbeat intervals. */
              stale: boolean;
            }[];
            /** @description Drill-down counts: each facet's counts apply every other facet's filter but not its own. */
            facets: {
              domain: {
                value: string;
                count: number;
              }[];
              modality: {
                value: string;
                count: number;
              }[];
              tag: {
                value: string;
                count: number;
              }[];
              owner: {
                value: string;
                count: number;
              }[];
            };
          };
        };
      };
      /** @description The request is invalid; details name each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getCatalogEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of the node serving the product. */
        nodeId: string;
        /** @description Id of the product on that node. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A catalog entry as its node signed it (docs/catalog.md). */
            entry: {
              /** @description Lower-case letters and digits separated by single hyphens (e.g. va-lung-trial). */
              id: string;
              title: string;
              description: string;
              domain: string;
              owners: {
                /** @description A person or group responsible for the product. */
                name: string;
                /** Format: email */
                email?: string;
                /** @description e.g. data steward, principal investigator. */
                role?: string;
              }[];
              tags: string[];
              entity: {
                singular: string;
                plural: string;
                /** @description After disclosure control: null when suppressed, possibly rounded. */
                count: number | null;
                disclosure: {
                  /** @description Counts below this are suppressed: published as null. */
                  minCellCount: number;
                  /** @description True when the count was below minCellCount. */
                  suppressed: boolean;
                  /** @description 1: the count as it is; 10: rounded to the nearest 10. */
                  roundedTo: 1 | 10;
                };
              };
              modalities: {
                id: string;
                kind: 'events' | 'matrix' | 'variants';
                label: string;
              }[];
              protocols: {
                /** @description Lower-case letters and digits separated by single hyphens (e.g. va-lung-trial). */
                id: string;
                version: string;
                title: string;
                category: string;
                federated?: {
                  /** @description How the per-node results combine across the mesh, e.g. meta-analysis. */
                  combine: string;
                };
              }[];
              versions: {
                /** @description A semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0). */
                productVersion: string;
                dataVersion: string;
                definitionHash: string;
              };
              node: {
                id: string;
                /** Format: uri */
                url: string;
              };
              health: 'ok' | 'degraded';
              tests: {
                status: 'passed' | 'failed' | 'none';
                cases: number;
                passed: number;
                failed: number;
              };
              /** @description private: listed in the catalog, but its data needs a grant on the node. */
              visibility: 'public' | 'private';
              /** Format: date-time */
              publishedAt: string;
            };
            /** @description The node's compact JWS of the entry: check it against <node url>/.well-known/jwks.json. */
            jws: string | null;
            stale: boolean;
          };
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getCatalogEntryOdps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of the node serving the product. */
        nodeId: string;
        /** @description Id of the product on that node. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ODPS 4.1 YAML. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/yaml': string;
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getCatalogEntryDcat: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Id of the node serving the product. */
        nodeId: string;
        /** @description Id of the product on that node. */
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A dcat:Dataset and schema:Dataset, context inline. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/ld+json': string;
        };
      };
      /** @description No such product, protocol or route. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Too many requests from this caller; the Retry-After header says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request cannot be served as sent. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A fault on the server; the body carries an error id for the operator. */
      '5XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
}
