import { EXIT } from '../exitCodes.ts';

export interface NodeOptions {
  /** Base URL of the node; default $PLEXUS_NODE or http://localhost:7700. */
  node?: string;
  /** API token; default $PLEXUS_TOKEN. */
  token?: string;
}

export type NodeAnswer = { ok: true; body: unknown } | { ok: false; exitCode: number };

/**
 * One call to a node's API as the CLI's user. Refusals are printed as the node words them (code and
 * message, with details), and mapped to exit codes scripts can tell apart: 77 for credentials, 1 for
 * a refused request, 69 when the node cannot be reached.
 */
export async function callNode(
  options: NodeOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<NodeAnswer> {
  const base = (options.node ?? process.env.PLEXUS_NODE ?? 'http://localhost:7700').replace(/\/+$/, '');
  const token = options.token ?? process.env.PLEXUS_TOKEN;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    process.stderr.write(
      `cannot reach the node at ${base}: ${reason}\n(start one with 'plexus serve', or pass --node URL)\n`,
    );
    return { ok: false, exitCode: EXIT.unavailable };
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  if (response.ok) return { ok: true, body: parsed };
  const error = (
    parsed as { error?: { code?: string; message?: string; details?: Array<{ message: string }> } }
  )?.error;
  process.stderr.write(`${error?.code ?? response.status}: ${error?.message ?? text}\n`);
  for (const detail of error?.details ?? []) process.stderr.write(`  ${detail.message}\n`);
  if (response.status === 401) process.stderr.write('(pass --token, or set PLEXUS_TOKEN)\n');
  return { ok: false, exitCode: response.status === 401 ? EXIT.noPermission : EXIT.problems };
}
