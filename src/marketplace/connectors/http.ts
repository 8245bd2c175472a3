/**
 * Calling a marketplace's API: JSON in and out, its errors mapped to our codes, and 429 handled the
 * documented way (wait what Retry-After or the RateLimit headers say, in place when that is short,
 * else fail as MARKETPLACE_RATE_LIMITED so the durable job retries later). The token never reaches a
 * message or a log.
 */
import { AppError } from '../../platform/errors.ts';

export interface HttpDeps {
  fetch: typeof fetch;
  /** Waits `ms` (aborted by the signal); injected so tests see the back-off without waiting it. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): Date;
}

export const realSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Waits of a 429 longer than this go back to the job queue rather than hold a worker. */
export const MAX_WAIT_IN_PLACE_MS = 60_000;
/** 429s answered in place before giving the attempt back to the queue. */
export const MAX_TRIES = 4;

/**
 * How long a 429 asks to wait, in ms: `Retry-After` (seconds or an HTTP date), else the reset of the
 * IETF RateLimit headers (`RateLimit: limit=10, remaining=0, reset=7` or `RateLimit-Reset: 7`), else
 * null (the caller backs off on its own).
 */
export function retryDelayMs(headers: Headers, now: Date): number | null {
  const ra = headers.get('retry-after')?.trim();
  if (ra) {
    if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000;
  const combined = headers.get('ratelimit');
  const m = combined ? /(?:^|[;,\s])(?:reset|t)=(\d+)/i.exec(combined) : null;
  if (m) return Number(m[1]) * 1000;
  return null;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Names the call in messages: "Freelancer.com: post the project". */
  what: string;
}

export interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
  /** 429s waited out in place, with the waits (ms). */
  waits: number[];
}

/** One call with the 429 policy; any 2xx answer comes back parsed, the rest as AppErrors. */
export async function callJson(deps: HttpDeps, call: Call, signal: AbortSignal): Promise<Answer> {
  const waits: number[] = [];
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await deps.fetch(call.url, {
        method: call.method,
        headers: call.headers,
        ...(call.body !== undefined ? { body: call.body } : {}),
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new AppError(
        'MARKETPLACE_UNAVAILABLE',
        `${call.what}: no answer (${(err as Error).message})`,
        undefined,
        {
          cause: err,
        },
      );
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.status === 429) {
      const asked = retryDelayMs(res.headers, deps.now());
      const wait = asked ?? Math.min(MAX_WAIT_IN_PLACE_MS, 1000 * 2 ** (attempt - 1));
      if (attempt >= MAX_TRIES || wait > MAX_WAIT_IN_PLACE_MS) {
        throw new AppError(
          'MARKETPLACE_RATE_LIMITED',
          `${call.what}: the marketplace asks to wait ${Math.ceil(wait / 1000)} s (429); the job tries again later`,
          { retryAfterSeconds: Math.ceil(wait / 1000), waits },
        );
      }
      waits.push(wait);
      await deps.sleep(wait, signal);
      continue;
    }
    if (res.status >= 500) {
      throw new AppError('MARKETPLACE_UNAVAILABLE', `${call.what}: the marketplace answered ${res.status}`, {
        status: res.status,
      });
    }
    if (res.status === 401 || res.status === 403) {
      throw new AppError(
        'MARKETPLACE_REJECTED',
        `${call.what}: the marketplace refused the token (${res.status}); save a valid token in the marketplace settings`,
        { status: res.status, answer: summary(json) },
      );
    }
    if (res.status >= 400) {
      throw new AppError(
        'MARKETPLACE_REJECTED',
        `${call.what}: the marketplace refused the request (${res.status})`,
        {
          status: res.status,
          answer: summary(json),
        },
      );
    }
    return { status: res.status, json, headers: res.headers, waits };
  }
}

/** What a refusal said, kept short (never the request, which holds the token in its headers). */
function summary(json: unknown): unknown {
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const pick = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).slice(0, 500) : undefined);
    const errors = Array.isArray(o.errors)
      ? (o.errors as unknown[]).slice(0, 3).map((e) => (e as { message?: unknown }).message)
      : undefined;
    return { message: pick('message'), error_code: pick('error_code'), errors };
  }
  return null;
}
