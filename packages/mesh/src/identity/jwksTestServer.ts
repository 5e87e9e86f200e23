import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonWebKeySet } from './jwks.ts';

/** A loopback HTTP server publishing a node's JWKS, for tests of calls between nodes. */
export interface JwksTestServer {
  /** The node's base URL, e.g. `http://127.0.0.1:41234`; its keys are at `<url>/.well-known/jwks.json`. */
  url: string;
  /** Replaces the published key set (a rotation). */
  publish(keys: JsonWebKeySet): void;
  /** Makes the key endpoint answer with this status instead (an outage), or serve again with undefined. */
  fail(status: number | undefined): void;
  /** How many times the key set was asked for. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startJwksTestServer(initial: JsonWebKeySet): Promise<JwksTestServer> {
  let keys = initial;
  let failure: number | undefined;
  let requests = 0;
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    requests++;
    if (failure !== undefined) {
      response.writeHead(failure).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify(keys));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    publish: (next) => {
      keys = next;
    },
    fail: (status) => {
      failure = status;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
