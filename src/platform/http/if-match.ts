/**
 * Optimistic concurrency at the HTTP edge: a row's version is its ETag (`"v7"`), and If-Match on a
 * PATCH/PUT/DELETE says which version the client edited. No If-Match (or `*`) writes whatever is
 * stored, field by field. A tag that is none of ours can never match, so it is answered like any
 * stale write (412), as RFC 9110 asks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { WriteCondition } from '../versioning.ts';

export function versionEtag(version: number): string {
  return `"v${version}"`;
}

/** Sets the ETag of a versioned resource on the reply and passes the body through. */
export function withVersion<T extends { version?: number }>(reply: FastifyReply, body: T): T {
  if (typeof body.version === 'number') reply.header('etag', versionEtag(body.version));
  return body;
}

/**
 * The condition an If-Match header puts on a write. Weak tags are accepted as their strong form:
 * a proxy that compresses the answer may weaken our ETag, and the version it names is exact anyway.
 */
export function writeCondition(req: FastifyRequest): WriteCondition {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '' || header.trim() === '*') return {};
  const tags = header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length !== 1) {
    throw new AppError('PRECONDITION_INVALID', 'If-Match: send the one ETag of the version you edited', {
      field: 'If-Match',
    });
  }
  const m = /^(?:W\/)?"v(\d{1,15})"$/.exec(tags[0]!);
  return { expectedVersion: m ? Number(m[1]) : -1 };
}
