import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { EXIT } from '../exitCodes.ts';

export interface NodeOptions {
  /** Base URL of the node; default $PLEXUS_NODE or http://localhost:7700. */
  node?: string;
  /** API token; default $PLEXUS_TOKEN. */
  token?: string;
}

/** A successful answer carries the parsed body and its exact text (stored results are byte-exact). */
export type NodeAnswer =
  | { ok: true; body: unknown; text: string }
  | {
      ok: false;
      exitCode: number;
      /** The HTTP status of a refusal; absent when the node could not be reached. */
      status?: number;
      /** The node's error body of a refusal, `{code, message, details}`, when it sent one. */
      error?: NodeError;
    };

/** The node's usual error body. */
export interface NodeError {
  code?: string;
  message?: string;
  details?: Array<{ at?: string; message: string }>;
}

/** The node's base URL, without a trailing slash. */
export function nodeBase(options: NodeOptions): string {
  return (options.node ?? process.env.PLEXUS_NODE ?? 'http://localhost:7700').replace(/\/+$/, '');
}

function unreachable(base: string, reason: string): NodeAnswer {
  process.stderr.write(
    `cannot reach the node at ${base}: ${reason}\n(start one with 'plexus serve', or pass --node URL)\n`,
  );
  return { ok: false, exitCode: EXIT.unavailable };
}

/** Parses an answer; a refusal is printed as the node words it and mapped to an exit code. */
function answerOf(
  status: number,
  text: string,
  how: { credentialStatuses: readonly number[]; skipRepeatedDetails: boolean },
): NodeAnswer {
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  if (status >= 200 && status < 300) return { ok: true, body: parsed, text };
  const error = (parsed as { error?: NodeError } | undefined)?.error;
  process.stderr.write(`${error?.code ?? status}: ${error?.message ?? text}\n`);
  for (const detail of error?.details ?? [])
    if (!how.skipRepeatedDetails || !error?.message?.includes(detail.message))
      process.stderr.write(`  ${detail.message}\n`);
  if (status === 401) process.stderr.write('(pass --token, or set PLEXUS_TOKEN)\n');
  return {
    ok: false,
    exitCode: how.credentialStatuses.includes(status) ? EXIT.noPermission : EXIT.problems,
    status,
    ...(error ? { error } : {}),
  };
}

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
  headers: Record<string, string> = {},
): Promise<NodeAnswer> {
  const base = nodeBase(options);
  const token = options.token ?? process.env.PLEXUS_TOKEN;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return unreachable(base, reason);
  }
  return answerOf(response.status, await response.text(), {
    credentialStatuses: [401],
    skipRepeatedDetails: false,
  });
}

export interface UploadOptions {
  /** The file to send as the body, streamed. */
  file: string;
  /** Its size in bytes (sent as content-length, and the denominator of progress). */
  bytes: number;
  contentType: string;
  /** Called as bytes leave: how many of `bytes` have been sent. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * POSTs a file to a node, streamed from disk with its length, reporting progress on the bytes sent;
 * the answer is read like `callNode`'s. No timeout waits for the answer: a node may take long to check
 * what it was sent (a deployment runs the product's tests before it answers). 401 and 403 exit 77.
 */
export function uploadToNode(options: NodeOptions, path: string, upload: UploadOptions): Promise<NodeAnswer> {
  const base = nodeBase(options);
  const token = options.token ?? process.env.PLEXUS_TOKEN;
  let url: URL;
  try {
    url = new URL(`${base}${path}`);
  } catch {
    return Promise.resolve(unreachable(base, 'not a URL (expected e.g. https://node.example.org)'));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<NodeAnswer>((settle) => {
    const source = createReadStream(upload.file);
    let answered = false;
    const finish = (answer: NodeAnswer) => {
      if (answered) return;
      answered = true;
      settle(answer);
    };
    const request = send(
      url,
      {
        method: 'POST',
        // One request, one connection: a kept-alive socket would hold the process until the node closes it.
        agent: false,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'content-type': upload.contentType,
          'content-length': String(upload.bytes),
        },
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => finish(unreachable(base, error.message)));
        response.on('end', () => {
          // A node that refuses early may not have read the whole upload: stop sending it.
          source.destroy();
          finish(
            answerOf(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), {
              credentialStatuses: [401, 403],
              skipRepeatedDetails: true,
            }),
          );
        });
      },
    );
    // Errors after the node has answered (it closed the connection on a refusal) change nothing.
    request.on('error', (error) => finish(unreachable(base, error.message)));
    let sent = 0;
    source.on('data', (chunk) => {
      sent += chunk.length;
      upload.onProgress?.(sent, upload.bytes);
    });
    source.on('error', (error) => {
      request.destroy(error);
    });
    source.pipe(request);
  });
}
