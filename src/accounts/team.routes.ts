/**
 * /api/workspace/users/:id, /invitations, /settings (the owner's: roles, access, invitations, the
 * workspace's own settings) and /api/join (the invitation link's two public steps).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '../platform/contract.ts';
import { versionEtag, writeCondition } from '../platform/http/if-match.ts';
import { FIRM, OWNER, PUBLIC, workspaceActor } from '../platform/http/policy.ts';
import { setSessionCookie } from '../platform/http/session-cookie.ts';
import { ROLES } from '../platform/roles.ts';
import { MeOut } from './accounts.schemas.ts';
import { FIRM_ROLES, type TeamService } from './team.service.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

export const InvitationOut = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    expiresAt: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export const CreatedInvitationOut = InvitationOut.extend({
  /** The one-time link's path (token in the fragment, so it stays out of server logs). Shown once. */
  path: z.string(),
  token: z.string(),
}).meta({ id: 'CreatedInvitation' });

const InvitationBody = z.object({
  email: z.string().trim().min(3).max(320),
  name: z.string().trim().max(200).optional(),
  role: z.enum(FIRM_ROLES),
  /** 1 hour to 30 days; a week unless said. */
  expiresInHours: z.number().int().min(1).max(720).default(168),
});

const TokenBody = z.object({ token: z.string().min(20).max(200) });
const AcceptBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(256),
  name: z.string().trim().max(200).optional(),
});

export const WorkspaceSettingsOut = z
  .object({
    name: z.string(),
    currency: z.string(),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    currencyFixed: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'WorkspaceSettings' });

const WorkspaceSettingsPatch = z.object({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO code, like EUR')
    .transform((s) => s.toUpperCase())
    .optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
});

export function teamRoutes(team: TeamService): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['workspace'];
    app.patch(
      '/users/:id',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary:
            'Give someone with access another role (owner or staff); the last owner stays one (409 LAST_OWNER)',
          params: IdParams,
          body: z.object({ role: z.enum(FIRM_ROLES) }),
          response: { 200: z.object({ id: z.string(), role: z.enum(ROLES) }) },
        },
      },
      async (req) => team.changeRole(workspaceActor(req), req.params.id, req.body.role),
    );
    app.delete(
      '/users/:id',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary: 'End someone’s access (and their sessions here); never the last owner’s (409 LAST_OWNER)',
          params: IdParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await team.removeAccess(workspaceActor(req), req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/invitations',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary: 'Invitations not yet used, revoked or expired',
          response: { 200: z.array(InvitationOut) },
        },
      },
      async (req) => team.listInvitations(workspaceActor(req)),
    );
    app.post(
      '/invitations',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary:
            'Invite someone as owner or staff: a one-time link, shown once (a newer invitation for the same email revokes the older)',
          body: InvitationBody,
          response: { 201: CreatedInvitationOut },
        },
      },
      async (req, reply) => reply.code(201).send(await team.invite(workspaceActor(req), req.body)),
    );
    app.delete(
      '/invitations/:id',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary: 'Revoke an open invitation',
          params: IdParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await team.revokeInvitation(workspaceActor(req), req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/settings',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'The workspace’s currency and fiscal year (ETag: its settings version)',
          response: { 200: WorkspaceSettingsOut },
        },
      },
      async (req, reply) => {
        const s = await team.workspaceSettings(workspaceActor(req).workspace.id);
        reply.header('etag', versionEtag(s.version));
        return s;
      },
    );
    app.patch(
      '/settings',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary:
            'Change the currency (only while no member’s cost is stored: 409 CURRENCY_IN_USE) or the fiscal year’s first month; If-Match as elsewhere (412 STALE_WRITE)',
          body: WorkspaceSettingsPatch,
          response: { 200: WorkspaceSettingsOut },
        },
      },
      async (req, reply) => {
        const s = await team.changeWorkspaceSettings(workspaceActor(req), req.body, writeCondition(req));
        reply.header('etag', versionEtag(s.version));
        return s;
      },
    );
  };
}

export function joinRoutes(
  team: TeamService,
  opts: { cookieSecure: boolean | undefined },
): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['workspace'];
    app.post(
      '/peek',
      {
        config: { policy: PUBLIC },
        schema: {
          tags,
          summary: 'Who an invitation link is for (nothing changes); invalid links are throttled per address',
          body: TokenBody,
          response: {
            200: z
              .object({
                workspaceName: z.string(),
                email: z.string(),
                name: z.string(),
                role: z.enum(ROLES),
                expiresAt: z.string(),
                hasAccount: z.boolean(),
              })
              .meta({ id: 'InvitationPeek' }),
          },
        },
      },
      async (req) => team.peekInvitation(req.body.token, { address: req.ip }),
    );
    app.post(
      '/accept',
      {
        config: { policy: PUBLIC },
        schema: {
          tags,
          summary: 'Use an invitation link once: choose a password (or give your account’s) and be signed in',
          body: AcceptBody,
          response: { 200: MeOut },
        },
      },
      async (req, reply) => {
        const session = await team.acceptInvitation(req.body, { address: req.ip });
        setSessionCookie(reply, session.token, session.expiresAt, opts.cookieSecure);
        return session.actor;
      },
    );
  };
}
