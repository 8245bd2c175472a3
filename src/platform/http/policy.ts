/**
 * Every API route declares who may call it, in its route config: `config: { policy: ... }`.
 * buildServer refuses to register an /api route without one, and a test walks the route table.
 */
import type { FastifyRequest } from 'fastify';
import type { ActorWorkspace, WorkspaceActor } from '../actor.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../roles.ts';

export type Policy = { readonly public: true } | { readonly roles: readonly Role[] };

export const PUBLIC: Policy = { public: true };
export const ANY_MEMBER: Policy = { roles: ['owner', 'staff', 'outtasker'] };
export const FIRM: Policy = { roles: ['owner', 'staff'] };
export const OWNER: Policy = { roles: ['owner'] };

/** The caller, as the HTTP layer knows it. Features get their own Actor type through `actorOf`. */
export interface HttpActor {
  user: { id: string; email: string; name: string };
  workspace: ActorWorkspace;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: HttpActor | null;
  }
}

export function describePolicy(p: Policy): string {
  return 'public' in p ? 'public' : p.roles.join('|');
}

/** The caller as a service actor (platform/actor.ts). */
export function workspaceActor(request: FastifyRequest): WorkspaceActor {
  const a = actorOf(request);
  return { workspace: a.workspace, userId: a.user.id };
}

/** The authenticated caller; routes behind a role policy can rely on it. */
export function actorOf(request: FastifyRequest): HttpActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.actor;
}
