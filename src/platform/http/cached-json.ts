/**
 * Sends a JSON view of an immutable value (a cached overview) made once per value: its text, an ETag
 * and a gzip copy are computed on first use and reused by every later request. A browser that already
 * holds the same revision gets 304 with no body; one that accepts gzip gets the compressed copy
 * (a 178 KB ranking is about 15 KB). The views are per workspace, never per user, so one ETag fits
 * every member.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { encodeResponse } from './response-contract.ts';

interface Rendered {
  text: string;
  etag: string;
  gzip?: Buffer;
}

// Below this the gzip header and the CPU are not worth it.
const GZIP_MIN_BYTES = 1024;

const views = new WeakMap<object, Map<string, Rendered>>();

function render(source: object, view: string, make: () => unknown): Rendered {
  const byView = views.get(source) ?? new Map<string, Rendered>();
  views.set(source, byView);
  let r = byView.get(view);
  if (!r) {
    const text = JSON.stringify(make());
    r = { text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
    byView.set(view, r);
  }
  return r;
}

/** Whether an If-None-Match header names this ETag (a list, weak forms and `*` included). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function acceptsGzip(req: FastifyRequest): boolean {
  const accept = req.headers['accept-encoding'];
  return typeof accept === 'string' && /\bgzip\b(?!;q=0(?:\.0*)?\b)/i.test(accept);
}

export function sendCachedJson(
  req: FastifyRequest,
  reply: FastifyReply,
  source: object,
  view: string,
  make: () => unknown,
): FastifyReply {
  // The text skips the serializer, so strict mode (tests) checks it against the route's response
  // schema here, once per rendering; elsewhere the strict tests are the guarantee it matches.
  const schema = (req.routeOptions.schema?.response as Record<string, unknown> | undefined)?.['200'];
  const checked =
    schema && req.server.strictResponses
      ? () => encodeResponse(schema, make(), `${req.method} ${req.routeOptions.url}`, true)
      : make;
  const r = render(source, view, checked);
  // private: the body is a workspace's data; no-cache: revalidate every time, the ETag makes that cheap.
  reply.header('etag', r.etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Encoding');
  if (etagMatches(req.headers['if-none-match'], r.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (r.text.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
    r.gzip ??= gzipSync(r.text);
    return reply.header('content-encoding', 'gzip').send(r.gzip);
  }
  return reply.send(r.text);
}
