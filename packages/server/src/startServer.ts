import { type CreateServerOptions, createServer } from './createServer.ts';

export interface StartServerOptions extends CreateServerOptions {
  /** 0 picks a free port; the chosen one is in `url`. */
  port: number;
  /** Default 127.0.0.1: exposing a node to the network is a deliberate choice. */
  host?: string;
}

export interface RunningServer {
  url: string;
  /** Stops accepting requests and waits for open ones; the registry stays open. */
  close(): Promise<void>;
}

/** Creates the server and listens; used by `plexus serve` and end-to-end tests. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { port, host = '127.0.0.1', ...serverOptions } = options;
  const app = await createServer(serverOptions);
  const url = await app.listen({ port, host });
  return {
    url,
    close: async () => {
      await app.close();
    },
  };
}
