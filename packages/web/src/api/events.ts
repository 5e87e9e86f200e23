// Follows a run's server-sent events (GET /runs/{id}/events). EventSource cannot send an
// Authorization header, so the stream is read with fetch and parsed here (the SSE wire format).
import { ApiError, apiUrl, authHeaders } from './client.ts';
import type { Run } from './types.ts';

export interface RunEventHandlers {
  onStatus?: (run: Run) => void;
  onProgress?: (progress: { fraction: number; message?: string }) => void;
}

function handle(event: string, data: string, handlers: RunEventHandlers): Run | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const payload = parsed as { run?: Run; fraction?: number; message?: string };
  if (event === 'progress' && typeof payload.fraction === 'number') {
    handlers.onProgress?.({ fraction: payload.fraction, message: payload.message });
  } else if (event === 'status' && payload.run) {
    handlers.onStatus?.(payload.run);
  } else if (event === 'finished' && payload.run) {
    return payload.run;
  }
  return null;
}

/** Resolves with the run as it ended (without its result) once the `finished` event arrives. */
export async function followRun(
  runId: string,
  handlers: RunEventHandlers,
  signal: AbortSignal,
): Promise<Run | null> {
  const response = await fetch(apiUrl(`/runs/${encodeURIComponent(runId)}/events`), {
    headers: { accept: 'text/event-stream', ...authHeaders() },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, `HTTP_${response.status}`, `Cannot follow run ${runId}`, []);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return null;
    buffer += value.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      const finished = handle(event, data.join('\n'), handlers);
      if (finished) {
        await reader.cancel();
        return finished;
      }
      end = buffer.indexOf('\n\n');
    }
  }
}
