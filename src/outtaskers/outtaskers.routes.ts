/**
 * /api/outtaskers, /api/bids, /api/bid-calls, /api/contracts and /api/fx-rates (owner and staff), and
 * /api/portal (the out-tasker's own side; the invitation link's two steps are public). Thin: validate,
 * call, shape.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MeOut } from '../accounts/accounts.schemas.ts';
import { noContent } from '../platform/contract.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { FIRM, type Policy, PUBLIC, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import { setSessionCookie } from '../platform/http/session-cookie.ts';
import {
  AcceptInvitationInput,
  AwardInput,
  AwardView,
  BidCallInput,
  BidCallView,
  BidImportInput,
  BidImportReportView,
  BidInput,
  BidsQuery,
  BidView,
  CallAudienceInput,
  CompareQuery,
  ComparisonView,
  ContractActionInput,
  ContractsQuery,
  ContractView,
  FxRateInput,
  FxRateView,
  InvitationInput,
  InvitationPeekView,
  InvitationView,
  OuttaskerInput,
  OuttaskerPatch,
  OuttaskerView,
  PortalBidInput,
  PortalHomeView,
  TokenInput,
} from './outtaskers.schemas.ts';
import type { OuttaskersService } from './outtaskers.service.ts';

const actor = workspaceActor;
const IdParams = z.object({ id: z.string().min(1).max(100) });
/** The portal: out-taskers only (the firm has its own views of the same data). */
const OUTTASKER: Policy = { roles: ['outtasker'] };

export function outtaskersRoutes(
  service: OuttaskersService,
  opts: { cookieSecure: boolean | undefined },
): ApiFeature[] {
  const outtaskers: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { policy: FIRM };
    const tags = ['outtaskers'];
    app.get(
      '/',
      {
        config,
        schema: { tags, summary: 'Out-taskers, by name', response: { 200: z.array(OuttaskerView) } },
      },
      async (req) => service.listOuttaskers(actor(req)),
    );
    app.post(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Add an out-tasker (one record across marketplaces)',
          body: OuttaskerInput,
          response: { 201: OuttaskerView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(withVersion(reply, await service.createOuttasker(actor(req), req.body))),
    );
    app.get(
      '/:id',
      {
        config,
        schema: { tags, summary: 'One out-tasker', params: IdParams, response: { 200: OuttaskerView } },
      },
      async (req, reply) => withVersion(reply, await service.getOuttasker(actor(req), req.params.id)),
    );
    app.patch(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Change an out-tasker (If-Match: the ETag of the version edited)',
          params: IdParams,
          body: OuttaskerPatch,
          response: { 200: OuttaskerView },
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await service.updateOuttasker(
            actor(req),
            req.params.id,
            req.body,
            writeCondition(req).expectedVersion,
          ),
        ),
    );
    app.post(
      '/:id/invitation',
      {
        config,
        schema: {
          tags,
          summary:
            'A one-time portal link for the out-tasker (replaces an unused one); the token is shown once',
          params: IdParams,
          body: InvitationInput,
          response: { 201: InvitationView },
        },
      },
      async (req, reply) => reply.code(201).send(await service.invite(actor(req), req.params.id, req.body)),
    );
  };

  const bids: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { policy: FIRM };
    const tags = ['bids'];
    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Bids, by time',
          querystring: BidsQuery,
          response: { 200: z.array(BidView) },
        },
      },
      async (req) => service.listBids(actor(req), req.query),
    );
    app.post(
      '/',
      {
        config,
        schema: { tags, summary: 'Enter a bid by hand', body: BidInput, response: { 201: BidView } },
      },
      async (req, reply) => reply.code(201).send(await service.placeBid(actor(req), req.body)),
    );
    app.post(
      '/import',
      {
        config,
        schema: {
          tags,
          summary: 'Bids pasted from a marketplace or a spreadsheet, or its CSV export (one transaction)',
          body: BidImportInput,
          response: { 200: BidImportReportView },
        },
      },
      async (req) => service.importBids(actor(req), req.body),
    );
    app.get(
      '/compare/:taskId',
      {
        config,
        schema: {
          tags,
          summary:
            "A task's bids normalized: price in the firm's currency, turnaround vs SLA, cost a year, saving, record",
          params: z.object({ taskId: z.string().min(1).max(100) }),
          querystring: CompareQuery,
          response: { 200: ComparisonView },
        },
      },
      async (req) => service.compare(actor(req), { taskId: req.params.taskId, postId: req.query.postId }),
    );
    app.post(
      '/:id/award',
      {
        config,
        schema: {
          tags,
          summary: 'Award the bid (once per post): creates the contract and declines the other open bids',
          params: IdParams,
          body: AwardInput,
          response: { 201: AwardView },
        },
      },
      async (req, reply) => reply.code(201).send(await service.award(actor(req), req.params.id, req.body)),
    );
    app.post(
      '/:id/withdraw',
      {
        config,
        schema: { tags, summary: 'Withdraw an open bid', params: IdParams, response: { 200: BidView } },
      },
      async (req) => service.withdrawBid(actor(req), req.params.id),
    );
  };

  const calls: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { policy: FIRM };
    const tags = ['bids'];
    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Calls for bids (tasks open to the portal)',
          querystring: z.object({ status: z.enum(['open', 'closed']).optional() }),
          response: { 200: z.array(BidCallView) },
        },
      },
      async (req) => service.listCalls(actor(req), req.query.status),
    );
    app.post(
      '/',
      {
        config,
        schema: {
          tags,
          summary: "Open a task to the portal's out-taskers for bids",
          body: BidCallInput,
          response: { 201: BidCallView },
        },
      },
      async (req, reply) => reply.code(201).send(await service.openCall(actor(req), req.body)),
    );
    app.post(
      '/:id/close',
      {
        config,
        schema: { tags, summary: 'Close a call for bids', params: IdParams, response: { 200: BidCallView } },
      },
      async (req) => service.closeCall(actor(req), req.params.id),
    );
    app.put(
      '/:id/audience',
      {
        config,
        schema: {
          tags,
          summary:
            'Who sees the call in the portal and may bid: all the firm’s out-taskers, or those invited',
          params: IdParams,
          body: CallAudienceInput,
          response: { 200: BidCallView },
        },
      },
      async (req) => service.setCallAudience(actor(req), req.params.id, req.body),
    );
  };

  const contracts: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { policy: FIRM };
    const tags = ['contracts'];
    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Contracts, newest first',
          querystring: ContractsQuery,
          response: { 200: z.array(ContractView) },
        },
      },
      async (req) => service.listContracts(actor(req), req.query),
    );
    app.get(
      '/:id',
      {
        config,
        schema: { tags, summary: 'One contract', params: IdParams, response: { 200: ContractView } },
      },
      async (req, reply) => withVersion(reply, await service.getContract(actor(req), req.params.id)),
    );
    app.post(
      '/:id/status',
      {
        config,
        schema: {
          tags,
          summary: 'Pause, resume or end a contract (no fixed commitment)',
          params: IdParams,
          body: ContractActionInput,
          response: { 200: ContractView },
        },
      },
      async (req, reply) =>
        withVersion(reply, await service.changeContract(actor(req), req.params.id, req.body)),
    );
  };

  const fx: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { policy: FIRM };
    const tags = ['bids'];
    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: "Exchange rates into the firm's currency, newest first per currency",
          response: { 200: z.array(FxRateView) },
        },
      },
      async (req) => service.listFxRates(actor(req)),
    );
    app.put(
      '/',
      {
        config,
        schema: {
          tags,
          summary: "Set a currency's rate from a day (1 unit = rate of the firm's currency)",
          body: FxRateInput,
          response: { 200: FxRateView },
        },
      },
      async (req) => service.putFxRate(actor(req), req.body),
    );
    app.delete(
      '/:id',
      {
        config,
        schema: { tags, summary: 'Delete an exchange rate', params: IdParams, response: { 204: noContent } },
      },
      async (req, reply) => {
        await service.deleteFxRate(actor(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };

  const portal: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['portal'];
    app.post(
      '/invitation/peek',
      {
        config: { policy: PUBLIC },
        schema: {
          tags,
          summary: 'Who a portal link is for (nothing changes); invalid links are throttled per address',
          body: TokenInput,
          response: { 200: InvitationPeekView },
        },
      },
      async (req) => service.peekInvitation(req.body.token, { address: req.ip }),
    );
    app.post(
      '/invitation/accept',
      {
        config: { policy: PUBLIC },
        schema: {
          tags,
          summary: 'Use a portal link once: choose a password (or give your account’s) and be signed in',
          body: AcceptInvitationInput,
          response: { 200: MeOut },
        },
      },
      async (req, reply) => {
        const session = await service.acceptInvitation(req.body, { address: req.ip });
        setSessionCookie(reply, session.token, session.expiresAt, opts.cookieSecure);
        return session.actor;
      },
    );
    app.get(
      '/',
      {
        config: { policy: OUTTASKER },
        schema: {
          tags,
          summary: 'The signed-in out-tasker: their record, the calls open to them, their bids and contracts',
          response: { 200: PortalHomeView },
        },
      },
      async (req) => service.portalHome(actor(req)),
    );
    app.post(
      '/bids',
      {
        config: { policy: OUTTASKER },
        schema: {
          tags,
          summary: 'Bid on an open call (again: your open bid on it is updated)',
          body: PortalBidInput,
          response: { 200: BidView },
        },
      },
      async (req) => service.portalBid(actor(req), req.body),
    );
    app.post(
      '/bids/:id/withdraw',
      {
        config: { policy: OUTTASKER },
        schema: { tags, summary: 'Withdraw your open bid', params: IdParams, response: { 200: BidView } },
      },
      async (req) => service.portalWithdraw(actor(req), req.params.id),
    );
  };

  return [
    { prefix: '/outtaskers', plugin: outtaskers },
    { prefix: '/bids', plugin: bids },
    { prefix: '/bid-calls', plugin: calls },
    { prefix: '/contracts', plugin: contracts },
    { prefix: '/fx-rates', plugin: fx },
    { prefix: '/portal', plugin: portal },
  ];
}
