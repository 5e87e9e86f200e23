import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogStore } from '@plexus/mesh';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/createTestServer.ts';
import { OPENAPI_PATH } from './registerOpenApi.ts';

const repoRoot = resolve(import.meta.dirname, '../../../..');

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

describe('OpenAPI document', () => {
  let app: FastifyInstance;
  const catalog = new CatalogStore();
  let document: OpenApiDocument;
  beforeAll(async () => {
    // With the catalog role, so that its routes are documented too.
    app = await createTestServer({ catalog: { store: catalog } });
    const response = await app.inject({ method: 'GET', url: OPENAPI_PATH });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await app.close();
    catalog.close();
  });

  const operations = () => Object.values(document.paths).flatMap((methods) => Object.values(methods));

  it('is OpenAPI 3.1 about the Plexus node API', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Plexus node API');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents every route, and only GET and POST operations', () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/audit',
      '/api/v1/catalog/entries',
      '/api/v1/catalog/entries/{nodeId}/{productId}',
      '/api/v1/catalog/entries/{nodeId}/{productId}/dcat.jsonld',
      '/api/v1/catalog/entries/{nodeId}/{productId}/odps.yaml',
      '/api/v1/catalog/heartbeat',
      '/api/v1/catalog/search',
      '/api/v1/federated/runs',
      '/api/v1/groups',
      '/api/v1/groups/{groupId}/members',
      '/api/v1/me',
      '/api/v1/openapi.json',
      '/api/v1/products',
      '/api/v1/products/{productId}',
      '/api/v1/products/{productId}/cohorts/count',
      '/api/v1/products/{productId}/features',
      '/api/v1/products/{productId}/grants',
      '/api/v1/products/{productId}/grants/revoke',
      '/api/v1/products/{productId}/model',
      '/api/v1/products/{productId}/owners',
      '/api/v1/products/{productId}/protocols',
      '/api/v1/products/{productId}/protocols/{protocolId}',
      '/api/v1/products/{productId}/protocols/{protocolId}/aggregates',
      '/api/v1/products/{productId}/protocols/{protocolId}/restriction',
      '/api/v1/products/{productId}/protocols/{protocolId}/runs',
      '/api/v1/products/{productId}/versions',
      '/api/v1/products/{productId}/visibility',
      '/api/v1/runs',
      '/api/v1/runs/{runId}',
      '/api/v1/runs/{runId}/cancel',
      '/api/v1/runs/{runId}/compare/{otherRunId}',
      '/api/v1/runs/{runId}/events',
      '/api/v1/runs/{runId}/rerun',
      '/api/v1/runs/{runId}/result',
      '/api/v1/tokens',
      '/api/v1/tokens/{tokenId}/revoke',
      '/api/v1/users',
      '/api/v1/users/{userId}/admin',
      '/api/v1/users/{userId}/tokens',
      '/healthz',
    ]);
    expect(
      Object.keys(document.paths['/api/v1/products/{productId}/protocols/{protocolId}/runs'] ?? {}),
    ).toEqual(['post']);
  });

  it('gives every operation a unique operationId, a summary, tags and a 4xx response', () => {
    const ids = operations().map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations()) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary).toBeTruthy();
      expect(operation.tags?.length).toBeGreaterThan(0);
      expect(Object.keys(operation.responses ?? {}).some((status) => status.startsWith('4'))).toBe(true);
    }
  });

  it('shows how callers authenticate: a node API token or an identity-provider JWT, or none', () => {
    const raw = document as unknown as {
      security: Array<Record<string, string[]>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(Object.keys(raw.components.securitySchemes).sort()).toEqual(['apiToken', 'identityProvider']);
    expect(raw.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(raw.security).toEqual([{}, { apiToken: [] }, { identityProvider: [] }]);
  });

  it('puts the shared schemas in components', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'ErrorBody',
        'ErrorDetail',
        'ProductDescriptor',
        'ModelView',
        'ProtocolSummary',
        'Run',
        'ResultDocument',
      ]),
    );
    expect(JSON.stringify(document)).not.toContain('def-');
  });

  it('passes redocly lint with the recommended rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plexus-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      const config = join(dir, 'redocly.yaml');
      writeFileSync(file, JSON.stringify(document, null, 2));
      writeFileSync(config, 'extends:\n  - recommended\n');
      const result = spawnSync(
        join(repoRoot, 'node_modules/.bin/redocly'),
        ['lint', file, `--config=${config}`, '--format=json'],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          // No network here: no telemetry, no update check.
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            CI: 'true',
          },
          timeout: 60_000,
        },
      );
      const report = JSON.parse(result.stdout) as {
        totals: { errors: number; warnings: number };
        problems: unknown[];
      };
      expect(report.problems, result.stderr).toEqual([]);
      expect(report.totals.errors).toBe(0);
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
