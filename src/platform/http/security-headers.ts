/**
 * Security headers on every answer. The Content-Security-Policy is the one the web app passes (the
 * browser tests fail on any CSP report in the console): scripts and styles only from this server
 * (React's style props are set through the DOM, which CSP allows), images also as data: URLs (the
 * favicon) and blobs (downloads), no framing (frame-ancestors 'none'). The API docs page
 * (/api/docs, Swagger UI) needs inline script and style, so it gets its own looser policy.
 * HSTS only over HTTPS (directly or through a trusted proxy), where it means something.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const docs = request.url.startsWith('/api/docs');
  reply.header('content-security-policy', docs ? DOCS_CSP : APP_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
}
