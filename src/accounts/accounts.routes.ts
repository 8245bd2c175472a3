/** /api/auth and /api/workspace: sign in and out, who am I, the workspace and its people. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkOut } from '../platform/contract.ts';
import { AppError } from '../platform/errors.ts';
import { ANY_MEMBER, actorOf, FIRM, OWNER, PUBLIC, workspaceActor } from '../platform/http/policy.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../platform/http/session-cookie.ts';
import { ROLES } from '../platform/roles.ts';
import { AuditRecordOut, LoginBody, MeOut, UserOut } from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

export function authRoutes(
  accounts: AccountsService,
  opts: { cookieSecure: boolean | undefined },
): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/login',
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: LoginBody,
          response: { 200: MeOut },
        },
      },
      async (req, reply) => {
        const session = await accounts.login(req.body, { address: req.ip }).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'LOGIN_FAILED') {
            req.log.warn({ address: req.ip, email: req.body.email }, 'failed sign-in');
          }
          throw err;
        });
        setSessionCookie(reply, session.token, session.expiresAt, opts.cookieSecure);
        return session.actor;
      },
    );
    app.post(
      '/logout',
      {
        config: { policy: PUBLIC },
        schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 200: OkOut } },
      },
      async (req, reply) => {
        const token = sessionToken(req);
        if (token) await accounts.logout(token);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );
    app.post(
      '/password',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags: ['auth'],
          summary:
            'Change your own password (the current one is checked); your other sessions end, this one stays; audited',
          body: z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await accounts.changePassword(workspaceActor(req), req.body, sessionToken(req));
        return { ok: true as const };
      },
    );
    app.get(
      '/me',
      {
        config: { policy: ANY_MEMBER },
        schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeOut } },
      },
      async (req) => actorOf(req),
    );
  };
}

export function workspaceRoutes(accounts: AccountsService): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/users',
      {
        config: { policy: FIRM },
        schema: {
          tags: ['workspace'],
          summary: 'People with access to this workspace',
          response: { 200: z.array(UserOut.extend({ role: z.enum(ROLES) })) },
        },
      },
      async (req) => accounts.listUsers(actorOf(req).workspace.id),
    );
    app.get(
      '/audit',
      {
        config: { policy: OWNER },
        schema: {
          tags: ['workspace'],
          summary: 'The audit trail: who did or saw what',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
          response: { 200: z.array(AuditRecordOut) },
        },
      },
      async (req) => accounts.audit(actorOf(req).workspace.id, req.query.limit),
    );
  };
}
