import { mintNodeToken, type NodeKey, type NodeTokenUser } from '@plexus/mesh';
import type { MeshTrustedNode } from '@plexus/spec';
import { MeshCallError } from './MeshCallError.ts';
import { outgoingTraceparent } from './traceparent.ts';

export interface MeshClientOptions {
  /** This node's signing key (`keys.current` of `loadOrCreateNodeKey`). */
  key: NodeKey;
  /** This node's id: the `iss` of every token it sends. */
  nodeId: string;
  /** Where the other nodes are: the `trust` section of the mesh configuration (its `nodes`). */
  trust: { nodes: readonly Pick<MeshTrustedNode, 'id' | 'url'>[] };
  /** Default the global `fetch` (tests pass their own). */
  fetch?: typeof globalThis.fetch;
  /** Time limit of a call, answer body included, unless the call sets its own; default 30 s. */
  defaultTimeoutMs?: number;
  /** Largest answer body read; beyond it the call fails (`error`). Default 32 MiB. */
  maxResponseBytes?: number;
  /** Lifetime of each token, 1–60 s; default 30 s. */
  tokenTtlSeconds?: number;
}

export interface MeshCallOptions {
  /** The user this node calls for; `meshUserOf(request.caller, store)` builds it from a request's caller. */
  user: NodeTokenUser;
  /** What the call may do on the other node (`read`, `run`, `export`); none: whatever its grants allow. */
  scopes?: readonly string[];
  /** The incoming request's W3C `traceparent`: the call continues its trace. A new trace without it. */
  traceparent?: string;
  /** Time limit of this call, answer body included; default the client's `defaultTimeoutMs`. */
  timeoutMs?: number;
  /** Aborts the call (e.g. when the incoming request goes away); rethrows the signal's reason. */
  signal?: AbortSignal;
  /** Further headers (e.g. `prefer`); they cannot replace the token, the trace or the content type. */
  headers?: Record<string, string>;
}

/** A successful (2xx) answer of another node. */
export interface MeshResponse<T = unknown> {
  nodeId: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body; the text for an answer that is not JSON; undefined when empty. */
  body: T;
  /** The `traceparent` sent with the call: its trace id is the caller's (or a new one). */
  traceparent: string;
}

export type MeshMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Calls other nodes of the mesh on behalf of a user. Every call carries a fresh node token (audience:
 * the called node, see docs/mesh-trust.md) and a W3C `traceparent`, is bounded by a hard time limit,
 * never follows redirects (the token is for that node alone), and fails with a `MeshCallError` whose
 * `kind` says how: `timeout`, `unreachable`, `refused` (401/403), `not-found` (404) or `error`.
 */
export class MeshClient {
  readonly nodeId: string;
  readonly #key: NodeKey;
  readonly #nodes = new Map<string, URL>();
  readonly #fetch: typeof globalThis.fetch;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #ttl: number | undefined;

  constructor(options: MeshClientOptions) {
    this.nodeId = options.nodeId;
    this.#key = options.key;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#ttl = options.tokenTtlSeconds;
    if (!(this.#timeoutMs > 0)) throw new RangeError('defaultTimeoutMs must be a positive number');
    for (const node of options.trust.nodes) {
      const url = new URL(node.url);
      if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))) {
        throw new TypeError(`node ${node.id} must be reached over https (http only on loopback)`);
      }
      this.#nodes.set(node.id, url);
    }
  }

  /** The ids of the nodes this client can call. */
  get nodes(): string[] {
    return [...this.#nodes.keys()];
  }

  /**
   * Calls `path` (e.g. `/api/v1/products?x=1`) on `target` — a node id of the configuration, or the
   * base URL of one of its nodes — with `body` as JSON (undefined for none).
   */
  async call<T = unknown>(
    target: string,
    method: MeshMethod,
    path: string,
    body: unknown,
    options: MeshCallOptions,
  ): Promise<MeshResponse<T>> {
    const { nodeId, url } = this.#resolve(target, path);
    const traceparent = outgoingTraceparent(options.traceparent);
    const token = await mintNodeToken(this.#key, {
      issuer: this.nodeId,
      audience: nodeId,
      user: options.user,
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(this.#ttl !== undefined ? { ttlSeconds: this.#ttl } : {}),
      traceparent,
    });
    const headers: Record<string, string> = {
      ...Object.fromEntries(
        Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      traceparent,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const failed = (error: unknown, during: string): Error => {
      if (options.signal?.aborted)
        return options.signal.reason instanceof Error ? options.signal.reason : new Error('aborted');
      if (timeout.aborted)
        return new MeshCallError('timeout', `node ${nodeId} did not answer ${method} ${path} in time`, {
          nodeId,
          cause: error,
        });
      return error instanceof MeshCallError
        ? error
        : new MeshCallError('unreachable', `node ${nodeId} cannot be reached (${during})`, {
            nodeId,
            cause: error,
          });
    };

    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      throw failed(error, 'no answer');
    }
    let text: string;
    try {
      text = await readBounded(response, this.#maxBytes, nodeId);
    } catch (error) {
      throw failed(error, 'the answer broke off');
    }
    const parsed = parseBody(response, text);
    if (response.status >= 200 && response.status < 300) {
      if (parsed.kind === 'broken') {
        throw new MeshCallError('error', `node ${nodeId} answered ${method} ${path} with malformed JSON`, {
          nodeId,
          status: response.status,
        });
      }
      return {
        nodeId,
        status: response.status,
        headers: response.headers,
        body: parsed.value as T,
        traceparent,
      };
    }
    throw errorOf(nodeId, method, path, response.status, parsed.kind === 'json' ? parsed.value : undefined);
  }

  #resolve(target: string, path: string): { nodeId: string; url: URL } {
    if (!path.startsWith('/') || path.startsWith('//')) {
      throw new TypeError(`a mesh call path starts with a single /, found ${path}`);
    }
    let nodeId: string | undefined;
    let base = this.#nodes.get(target);
    if (base) nodeId = target;
    else {
      const wanted = normalBase(target);
      for (const [id, url] of this.#nodes)
        if (normalBase(url.href) === wanted) {
          nodeId = id;
          base = url;
        }
    }
    if (nodeId === undefined || base === undefined) {
      throw new TypeError(`node ${target} is not in this node's mesh configuration`);
    }
    const url = new URL(base.href);
    const query = path.indexOf('?');
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${query < 0 ? path : path.slice(0, query)}`;
    url.search = query < 0 ? '' : path.slice(query);
    url.hash = '';
    return { nodeId, url };
  }
}

function normalBase(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

async function readBounded(response: Response, maxBytes: number, nodeId: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () =>
    new MeshCallError('error', `node ${nodeId} answered with more than ${maxBytes} bytes`, {
      nodeId,
      status: response.status,
    });
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type ParsedBody = { kind: 'json' | 'text' | 'empty'; value: unknown } | { kind: 'broken'; value?: undefined };

function parseBody(response: Response, text: string): ParsedBody {
  if (text === '') return { kind: 'empty', value: undefined };
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return { kind: 'text', value: text };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'broken' };
  }
}

/** A failure status as a MeshCallError, with the node's own message and code when it sent an error body. */
function errorOf(nodeId: string, method: string, path: string, status: number, body: unknown): MeshCallError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const remote = typeof error?.message === 'string' ? error.message.slice(0, 500) : undefined;
  const first = Array.isArray(error?.details)
    ? (error.details[0] as { found?: unknown } | undefined)
    : undefined;
  const reason = status === 401 && typeof first?.found === 'string' ? first.found : undefined;
  const said = remote ? `: ${remote}` : '';
  const options = {
    nodeId,
    status,
    ...(code !== undefined ? { code } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
  if (status === 401 || status === 403)
    return new MeshCallError(
      'refused',
      `node ${nodeId} refused ${method} ${path} (${status})${said}`,
      options,
    );
  if (status === 404)
    return new MeshCallError('not-found', `node ${nodeId} has nothing at ${method} ${path}${said}`, options);
  return new MeshCallError('error', `node ${nodeId} failed ${method} ${path} (${status})${said}`, options);
}
