import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The network floor: the smallest page shaped like the web client's (an HTML document that loads one
 * module script) from a bare `node:http` server on loopback. Under a profile its DOMContentLoaded is
 * what the throttling alone costs two requests in a row; the client's times are reported against it.
 */
const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>' +
  '<script type="module" src="/floor.js"></script></head><body><div id="root"></div></body></html>';
// A module script runs before DOMContentLoaded, like the client's entry chunk.
const SCRIPT = "document.getElementById('root').textContent = 'ready';\n";

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export async function startFloorServer(): Promise<FloorServer> {
  const server: Server = createServer((request, response) => {
    const [type, body] =
      request.url === '/floor.js'
        ? ['text/javascript; charset=utf-8', SCRIPT]
        : ['text/html; charset=utf-8', PAGE];
    // No caching, like index.html on a node; each load is in a fresh browser context anyway.
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
