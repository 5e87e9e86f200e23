import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMeshConfig, MeshConfigError } from './loadMeshConfig.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-mesh-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VALID = `apiVersion: plexus.dev/v1
kind: Mesh
node:
  id: berlin
  url: https://plexus.berlin.example.org
catalog: https://catalog.example.org
trust:
  nodes:
    - id: leiden
      url: https://plexus.leiden.example.org
    - id: local-dev
      url: http://127.0.0.1:7701
      jwksUrl: http://127.0.0.1:7701/keys.json
  issuers:
    - https://sso.example.org/realms/research
`;

async function load(text: string) {
  await writeFile(join(dir, 'mesh.yaml'), text);
  return loadMeshConfig(join(dir, 'mesh.yaml'), 'mesh.yaml');
}

async function problemsOf(text: string) {
  const error = await load(text).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MeshConfigError);
  return (error as MeshConfigError).problems.map((problem) => ({
    code: problem.code,
    line: problem.at?.line,
    message: problem.message,
  }));
}

describe('loadMeshConfig', () => {
  it('reads a valid configuration', async () => {
    const config = await load(VALID);
    expect(config.node).toEqual({ id: 'berlin', url: 'https://plexus.berlin.example.org' });
    expect(config.trust.nodes.map((node) => node.id)).toEqual(['leiden', 'local-dev']);
    expect(config.trust.issuers).toEqual(['https://sso.example.org/realms/research']);
  });

  it('names the line of an unknown key, a wrong type and a bad node id', async () => {
    const text = VALID.replace('  url: https://plexus.berlin', '  ur: https://plexus.berlin')
      .replace('    - id: leiden', '    - id: Leiden')
      .replace(
        '  issuers:\n    - https://sso.example.org/realms/research',
        '  issuers: https://sso.example.org',
      );
    const problems = await problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-key', line: 5 }),
        expect.objectContaining({ code: 'invalid-value', line: 9 }),
        expect.objectContaining({ code: 'wrong-type', line: 14 }),
      ]),
    );
  });

  it('reports the message with file:line:column', async () => {
    const error = await load(VALID.replace('kind: Mesh', 'kind: Mesh\nextra: 1')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MeshConfigError);
    expect((error as Error).message).toMatch(
      /^mesh configuration mesh\.yaml is not usable:\n {2}mesh\.yaml:3:1 {2}unknown-key/,
    );
    expect((error as MeshConfigError).details[0]?.at).toBe('mesh.yaml:3:1');
  });

  it('refuses plain http off loopback and a node listed twice, at their lines', async () => {
    const text = VALID.replace(
      'url: https://plexus.leiden.example.org',
      'url: http://plexus.leiden.example.org',
    ).replace('    - id: local-dev', '    - id: leiden');
    expect(await problemsOf(text)).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        line: 10,
        message: expect.stringMatching(/trust\.nodes\[0\]\.url: must be an https/),
      }),
      expect.objectContaining({ code: 'duplicate-id', line: 11 }),
    ]);
  });

  it('reports a YAML syntax error and a missing file', async () => {
    const [syntax] = await problemsOf('apiVersion: plexus.dev/v1\nkind: [Mesh\n');
    expect(syntax?.code).toBe('yaml-syntax');
    expect(syntax?.line).toBe(2);
    await expect(loadMeshConfig(join(dir, 'nowhere.yaml'), 'nowhere.yaml')).rejects.toThrow(
      /cannot read nowhere\.yaml/,
    );
  });

  it('reports missing sections', async () => {
    const problems = await problemsOf(
      'apiVersion: plexus.dev/v1\nkind: Mesh\nnode:\n  id: berlin\n  url: https://b.example.org\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'missing-key', message: expect.stringMatching(/trust/) }),
    ]);
  });
});
