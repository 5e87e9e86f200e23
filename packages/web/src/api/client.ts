// The one place that talks HTTP to the node: same origin, so the SSO session cookie travels by itself
// (credentials: 'same-origin'); an API token kept in localStorage goes as a bearer token.

import { isRecord } from '../components/isRecord.ts';

const TOKEN_KEY = 'plexus.apiToken';
export const API_BASE = '/api/v1';

export function storedToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): then the browser browses anonymously.
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_KEY);
    else window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // See storedToken: nothing to keep then.
  }
}

/** An error answer of the node: `message` is the node's own `error.message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Array<{ at?: string; message?: string }>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Array<{ at?: string; message?: string }>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  query?: Record<string, string | string[] | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the stored token (checking a token before keeping it). */
  token?: string | null;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  const text = params.toString();
  return `${API_BASE}${path}${text ? `?${text}` : ''}`;
}

export function authHeaders(token: string | null = storedToken()): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crash may answer with something other than JSON: the status line must do.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const message =
    error && typeof error.message === 'string'
      ? error.message
      : `${response.status} ${response.statusText}`.trim();
  const code = error && typeof error.code === 'string' ? error.code : `HTTP_${response.status}`;
  const details = error && Array.isArray(error.details) ? (error.details as ApiError['details']) : [];
  return new ApiError(response.status, code, message, details);
}

/** Calls the node; any non-2xx answer becomes an ApiError carrying the node's message. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...authHeaders(options.token === undefined ? storedToken() : options.token),
    ...options.headers,
  };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    signal: options.signal,
  };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), init);
  if (!response.ok) throw await toApiError(response);
  const body = (await response.json()) as T;
  return { status: response.status, body, headers: response.headers };
}

export async function apiGet<T>(
  path: string,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<T> {
  return (await apiRequest<T>(path, options)).body;
}

export async function apiPost<T>(
  path: string,
  body: unknown,
  options: Omit<RequestOptions, 'method'> = {},
): Promise<T> {
  return (await apiRequest<T>(path, { ...options, method: 'POST', body })).body;
}
