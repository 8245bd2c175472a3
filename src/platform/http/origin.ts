/**
 * Cross-site request refusal. The session cookie is SameSite=Strict, but that alone is one defence: a
 * state-changing request (POST, PUT, PATCH, DELETE) whose Origin header names another site is refused
 * with 403 ORIGIN_FORBIDDEN. Browsers always send Origin on such requests; clients without one (the
 * CLI, curl, scripts) are not browsers acting for a visitor of another site, and pass. Behind a proxy,
 * the host and protocol compared are the ones the visitor used (OUTTASK_TRUST_PROXY).
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkOrigin(request: FastifyRequest): void {
  if (SAFE.has(request.method)) return;
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (origin === undefined) {
    // A browser that sends no Origin still says where the request came from.
    if (site === 'cross-site') throw refused('another site');
    return;
  }
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own) throw refused(origin);
}

function refused(origin: string): AppError {
  return new AppError(
    'ORIGIN_FORBIDDEN',
    `A request from ${origin} may not change anything here: use Outtask from its own address`,
    { origin },
  );
}
