/**
 * A small typed client for the Outtask API. Every failure becomes an ApiError carrying the server's
 * code, message and details, which the UI shows as they are (they say what was wrong and where).
 * A 401 also tells the app to send the user to the sign-in page.
 */
import type { ApiErrorBody } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems the server reported (zod issues), keyed by the last part of the field path. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const issues = this.details?.issues;
    if (Array.isArray(issues)) {
      for (const i of issues as { field?: string; message?: string }[]) {
        const key =
          String(i.field ?? '')
            .replace(/^(body|querystring|params)\./, '')
            .split('.')[0] || 'form';
        out[key] ??= i.message ?? 'invalid';
      }
    }
    const field = this.details?.field;
    if (typeof field === 'string') out[field.split('.')[0]!] ??= this.message;
    return out;
  }
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => {};

/** The app decides what a 401 means (go to the sign-in page); the client only reports it. */
export function setUnauthenticatedHandler(fn: UnauthenticatedListener): void {
  onUnauthenticated = fn;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  if (e && typeof e.message === 'string')
    return new ApiError(res.status, e.code ?? 'ERROR', e.message, e.details);
  return new ApiError(
    res.status,
    res.status === 413 ? 'FILE_TOO_LARGE' : 'HTTP_ERROR',
    res.status === 413
      ? 'The file is larger than the server accepts.'
      : `The server answered ${res.status} ${res.statusText || ''}`.trim(),
  );
}

interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Raw bytes (a file upload) instead of JSON. */
  raw?: Blob;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session over" (the login request itself). */
  allowUnauthenticated?: boolean;
  /**
   * The version of the resource this write is based on (sent as If-Match): the server refuses the write
   * with 412 STALE_WRITE when someone saved a newer one meanwhile, instead of silently overwriting it.
   */
  ifMatch?: number | undefined;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.ifMatch !== undefined) headers['if-match'] = `"v${opts.ifMatch}"`;
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = 'application/octet-stream';
    body = opts.raw;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: opts.signal ?? null,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NETWORK',
      'Cannot reach the Outtask server. Check that it is running and try again.',
    );
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.allowUnauthenticated) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const out = (type.includes('json') ? await res.json() : await res.text()) as T;
  const version = /^(?:W\/)?"v(\d+)"$/.exec(res.headers.get('etag') ?? '')?.[1];
  if (version !== undefined && typeof out === 'object' && out !== null) versions.set(out, Number(version));
  return out;
}

/** The version (ETag) each answer came with, for resources whose body does not carry one. */
const versions = new WeakMap<object, number>();

/**
 * The version of a resource as the server sent it (its ETag), to send back as If-Match: a body's own
 * `version` field when it has one, else the ETag its answer came with.
 */
export function versionOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const own = (data as { version?: unknown }).version;
  return typeof own === 'number' ? own : versions.get(data);
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body' | 'raw'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  del: (path: string, opts?: Pick<RequestOptions, 'ifMatch'>) => request<void>('DELETE', path, opts),
  upload: <T>(path: string, file: Blob, opts?: Omit<RequestOptions, 'body' | 'raw'>) =>
    request<T>('POST', path, { ...opts, raw: file }),
};

/** A write refused because someone saved the resource first; `current` is the resource as it is now. */
export function staleWrite<T>(err: unknown): { current: T; currentVersion: number } | null {
  if (!(err instanceof ApiError) || err.code !== 'STALE_WRITE') return null;
  return { current: err.details?.current as T, currentVersion: Number(err.details?.currentVersion) };
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
