/**
 * The authorization matrix of step 6 (issue 12): every route of job posts, marketplaces, out-taskers,
 * bids, calls, contracts, rates, work orders and the portal, and of the team and settings (issue 11:
 * members, roles, access, invitations to join, workspace and economics settings), as it stands in the
 * app's route table,
 * × six callers — anonymous, the owner, staff, the out-tasker the work is assigned to, an out-tasker of
 * the same firm it is not assigned to, and the owner of another workspace given this one's ids (both
 * ways round). Every cell is written out; a route in the table without a row fails the test, and so
 * does a row for a route that no longer exists. Answers to callers who may not see a thing are
 * searched for its ids too (a 200 that leaks is a failure). On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/accounts/index.ts';
import { aPptx } from '../factories/documents.ts';
import { aDeckWithHistory, aUser, aWorkspaceWithOwner } from '../factories/index.ts';
import { signedInApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const KEY = Buffer.alloc(32, 9).toString('base64');
const ACTORS = ['anonymous', 'owner', 'staff', 'assigned', 'unassigned', 'other'] as const;
type Actor = (typeof ACTORS)[number];
type Cookies = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The step-6 routes this matrix covers: every route whose path starts with one of these. */
const PREFIXES = [
  '/api/posts',
  '/api/listings',
  '/api/marketplaces',
  '/api/outtaskers',
  '/api/bids',
  '/api/bid-calls',
  '/api/contracts',
  '/api/fx-rates',
  '/api/work-orders',
  '/api/portal',
  '/api/members',
  '/api/workspace',
  '/api/join',
  '/api/settings',
];

/** One firm with everything step 6 makes, and the people who sign in to it. */
interface World {
  workspace: Workspace;
  cookies: Record<Exclude<Actor, 'anonymous' | 'other'>, Cookies>;
  ids: {
    task: string;
    post: string;
    listing: string;
    bid: string;
    portalBid: string;
    call: string;
    /** A call only the assigned out-tasker is invited to. */
    invitedCall: string;
    contract: string;
    outtasker: string;
    unassignedOuttasker: string;
    order: string;
    file: string;
    rate: string;
    member: string;
  };
  /** What only the firm and the assigned out-tasker may see (searched for in others' answers). */
  assignedOnly: string[];
  /** Fresh subjects for the cells that change state, so each cell meets the state it needs. */
  fresh: {
    bid(): Promise<string>;
    call(): Promise<string>;
    /** A call only the assigned out-tasker is invited to. */
    invitedCall(): Promise<string>;
    contract(): Promise<string>;
    order(state: 'draft' | 'sent' | 'accepted' | 'delivered'): Promise<string>;
    listing(): Promise<string>;
    rate(): Promise<string>;
    invitation(): Promise<string>;
    portalBid(): Promise<string>;
    /** Someone with staff access (to change or remove). */
    staffUser(): Promise<string>;
    /** An open invitation to join the firm: its id and its token. */
    firmInvitation(): Promise<{ id: string; token: string }>;
  };
}

async function buildWorld(app: TestApp, label: string): Promise<World> {
  const s = app.services;
  const o = await aWorkspaceWithOwner(s, { name: `${label} Partners` });
  const firm = { ...o.actor, role: 'owner' as const };
  const staff = await aUser(s, o.workspace, 'staff');
  const deck = await aDeckWithHistory(s, o.actor);
  await s.procedures.approve(o.actor, deck.v2.id);
  const taskId = deck.firm.deck.id;
  const post = await s.marketplace.compile(o.actor, taskId);
  await s.marketplace.connect(o.actor, 'freelancer', {
    token: 'matrix-token-000',
    settings: { currencyId: 1, jobIds: [1013] },
  });
  let n = 0;
  const next = () => `${label.toLowerCase()}-${++n}`;

  async function portalPerson(name: string) {
    const email = `${next()}@outtaskers.example`;
    const rec = await s.outtaskers.createOuttasker(o.actor, {
      name,
      email,
      profiles: [],
      rates: [],
      currency: 'USD',
      timeZone: 'Europe/Lisbon',
      ndaSignedOn: null,
      status: 'active',
      notes: '',
    });
    const inv = await s.outtaskers.invite(o.actor, rec.id, { expiresInHours: 72 });
    const session = await s.outtaskers.acceptInvitation(
      { token: inv.token, password: 'portal-password-1' },
      { address: '127.0.0.1' },
    );
    return { id: rec.id, email, userId: session.actor.user.id };
  }
  const assigned = await portalPerson(`${label} Assigned`);
  const unassigned = await portalPerson(`${label} Unassigned`);
  const worker = { workspace: o.workspace, userId: assigned.userId, role: 'outtasker' as const };

  const freshBid = async () =>
    (
      await s.outtaskers.placeBid(o.actor, {
        taskId,
        postId: next(),
        outtaskerId: assigned.id,
        marketplace: 'direct',
        externalId: null,
        unitPriceMinor: 1100,
        currency: 'USD',
        turnaroundHours: 24,
        message: '',
      })
    ).id;
  const freshContract = async () =>
    (await s.outtaskers.award(o.actor, await freshBid(), { acceptanceCriteria: ['On the template'] }))
      .contract.id;
  const contractId = await freshContract();
  const wo = s.workOrders;
  const freshOrder = async (state: 'draft' | 'sent' | 'accepted' | 'delivered') => {
    const order = await wo.create(firm, { contractId, title: `Order ${next()}`, unitsExpected: 10 });
    if (state === 'draft') return order.id;
    await wo.move(firm, order.id, 'send');
    if (state === 'sent') return order.id;
    await wo.move(worker, order.id, 'accept');
    if (state === 'accepted') return order.id;
    await wo.deliver(worker, order.id, { note: '', files: [{ name: 'deck.pptx', bytes: await aPptx(3) }] });
    return order.id;
  };
  const orderId = await freshOrder('draft');
  await wo.addMaterials(firm, orderId, [{ name: 'notes.txt', bytes: Buffer.from('interview notes') }], {
    redacted: true,
  });
  await wo.move(firm, orderId, 'send');
  await wo.move(worker, orderId, 'accept');
  const fileId = (await wo.get(firm, orderId)).files[0]!.id;

  const freshCall = async () =>
    (await s.outtaskers.openCall(o.actor, { taskId, postId: next(), brief: 'Summary deck' })).id;
  const callId = await freshCall();
  const freshInvitedCall = async () =>
    (await s.outtaskers.openCall(o.actor, { taskId, postId: next(), brief: '', outtaskerIds: [assigned.id] }))
      .id;
  const invitedCallId = await freshInvitedCall();
  const workerPortal = { workspace: o.workspace, userId: assigned.userId };
  const freshPortalBid = async () =>
    (
      await s.outtaskers.portalBid(workerPortal, {
        callId: await freshCall(),
        unitPriceMinor: 1000,
        turnaroundHours: 24,
        message: '',
      })
    ).id;
  const portalBidId = await freshPortalBid();
  const freshListing = async () =>
    (
      await s.marketplace.recordListing(o.actor, post.id, {
        marketplace: 'freelancer',
        url: `https://www.freelancer.com/projects/presentations/deck-${100000 + n++}`,
      })
    ).listing.id;
  const listingId = await freshListing();
  let day = 1;
  const freshRate = async () =>
    (
      await s.outtaskers.putFxRate(o.actor, {
        currency: 'EUR',
        rate: 1.1,
        effectiveOn: `2020-01-${String(day++).padStart(2, '0')}`,
      })
    ).id;
  const rateId = await freshRate();
  const bidId = await freshBid();
  const freshInvitation = async () => {
    const rec = await s.outtaskers.createOuttasker(o.actor, {
      name: `Invitee ${next()}`,
      email: `${next()}@invitees.example`,
      profiles: [],
      rates: [],
      currency: 'USD',
      timeZone: 'UTC',
      ndaSignedOn: null,
      status: 'active',
      notes: '',
    });
    return (await s.outtaskers.invite(o.actor, rec.id, { expiresInHours: 72 })).token;
  };

  const member = await s.inventory.createMember(o.actor, {
    name: `${label} Member`,
    email: null,
    title: 'Consultant',
    role: 'consultant',
    hourlyCost: { amountMinor: 9_000, currency: 'USD' },
    yearlyCapacityHours: 1600,
    leftOn: null,
  });
  const freshStaffUser = async () => (await aUser(s, o.workspace, 'staff')).user.id;
  const freshFirmInvitation = async () => {
    const inv = await s.team.invite(o.actor, {
      email: `${next()}@joiners.example`,
      role: 'staff',
      expiresInHours: 72,
    });
    return { id: inv.id, token: inv.token };
  };

  return {
    workspace: o.workspace,
    cookies: {
      owner: await app.login(o.email, o.password),
      staff: await app.login(staff.email, staff.password),
      assigned: await app.login(assigned.email, 'portal-password-1'),
      unassigned: await app.login(unassigned.email, 'portal-password-1'),
    },
    ids: {
      task: taskId,
      post: post.id,
      listing: listingId,
      bid: bidId,
      portalBid: portalBidId,
      call: callId,
      invitedCall: invitedCallId,
      contract: contractId,
      outtasker: assigned.id,
      unassignedOuttasker: unassigned.id,
      order: orderId,
      file: fileId,
      rate: rateId,
      member: member.id,
    },
    assignedOnly: [orderId, fileId, contractId, bidId, portalBidId, assigned.id, invitedCallId],
    fresh: {
      bid: freshBid,
      call: freshCall,
      invitedCall: freshInvitedCall,
      contract: freshContract,
      order: freshOrder,
      listing: freshListing,
      rate: freshRate,
      invitation: freshInvitation,
      portalBid: freshPortalBid,
      staffUser: freshStaffUser,
      firmInvitation: freshFirmInvitation,
    },
  };
}

interface Req {
  url: string;
  payload?: unknown;
}

/** Expected status per caller: anonymous, owner, staff, assigned, unassigned, other workspace's owner. */
type Cells = [number, number, number, number, number, number];

interface Row {
  cells: Cells;
  /** The request, against the firm `w`'s things; `a` is who sends it (some cells need a fresh subject). */
  req(w: World, a: Actor): Promise<Req> | Req;
}

const FIRM_READ: Cells = [401, 200, 200, 403, 403, 404];
/** A firm route listing the caller's own workspace's things: another firm's owner gets their own (empty). */
const FIRM_LIST: Cells = [401, 200, 200, 403, 403, 200];
/** The owner's own workspace's things: staff and out-taskers are refused; another owner changes theirs. */
const OWNER_OWN: Cells = [401, 200, 403, 403, 403, 200];
/** The owner's, about this firm's things: another firm's owner does not find them. */
const OWNER_THIS: Cells = [401, 204, 403, 403, 403, 404];
const outtaskerInput = { name: 'Ada Quill', currency: 'USD', timeZone: 'UTC' };
const ticked = [{ item: 'On the template', checked: true }];
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every row, keyed `METHOD /route/:pattern` exactly as the route table has it. */
const MATRIX: Record<string, Row> = {
  // Job posts and listings
  'GET /api/posts': { cells: FIRM_LIST, req: () => ({ url: '/api/posts' }) },
  'POST /api/posts': {
    cells: FIRM_READ,
    req: (w) => ({ url: '/api/posts', payload: { taskId: w.ids.task } }),
  },
  'GET /api/posts/by-task/:id': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/by-task/${w.ids.task}` }),
  },
  'GET /api/posts/:id': { cells: FIRM_READ, req: (w) => ({ url: `/api/posts/${w.ids.post}` }) },
  'PUT /api/posts/:id': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}`, payload: { content: POST_CONTENT } }),
  },
  'GET /api/posts/:id/versions': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}/versions` }),
  },
  'GET /api/posts/:id/versions/:version': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}/versions/1` }),
  },
  'GET /api/posts/:id/render/:marketplace': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}/render/upwork` }),
  },
  'GET /api/posts/:id/listings': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}/listings` }),
  },
  'POST /api/posts/:id/listings': {
    cells: FIRM_READ,
    req: (w) => ({
      url: `/api/posts/${w.ids.post}/listings`,
      payload: { marketplace: 'upwork', url: 'https://www.upwork.com/jobs/~0123456789abcdef' },
    }),
  },
  'POST /api/posts/:id/publish': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/posts/${w.ids.post}/publish`, payload: { marketplace: 'generic' } }),
  },
  'POST /api/listings/:id/close': {
    cells: FIRM_READ,
    req: async (w) => ({ url: `/api/listings/${await w.fresh.listing()}/close` }),
  },
  'POST /api/listings/:id/fetch-bids': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/listings/${w.ids.listing}/fetch-bids` }),
  },
  'POST /api/listings/:id/award': {
    cells: FIRM_READ,
    req: async (w) => ({
      url: `/api/listings/${await w.fresh.listing()}/award`,
      payload: { bidExternalId: '700001' },
    }),
  },
  'GET /api/marketplaces': { cells: FIRM_LIST, req: () => ({ url: '/api/marketplaces' }) },
  // The firm's own token: another firm's owner sets and removes their own.
  'PUT /api/marketplaces/:marketplace/connection': {
    cells: [401, 200, 403, 403, 403, 200],
    req: () => ({
      url: '/api/marketplaces/upwork/connection',
      payload: { token: 'upwork-token-123', settings: { organizationId: 'org-1' } },
    }),
  },
  'DELETE /api/marketplaces/:marketplace/connection': {
    cells: [401, 204, 403, 403, 403, 204],
    req: () => ({ url: '/api/marketplaces/upwork/connection' }),
  },

  // Out-taskers, bids, calls, contracts, rates
  'GET /api/outtaskers': { cells: FIRM_LIST, req: () => ({ url: '/api/outtaskers' }) },
  'POST /api/outtaskers': {
    cells: [401, 201, 201, 403, 403, 201],
    req: () => ({ url: '/api/outtaskers', payload: outtaskerInput }),
  },
  'GET /api/outtaskers/:id': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/outtaskers/${w.ids.outtasker}` }),
  },
  'PATCH /api/outtaskers/:id': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/outtaskers/${w.ids.outtasker}`, payload: { notes: 'Reliable' } }),
  },
  'POST /api/outtaskers/:id/invitation': {
    cells: [401, 201, 201, 403, 403, 404],
    req: (w) => ({ url: `/api/outtaskers/${w.ids.unassignedOuttasker}/invitation`, payload: {} }),
  },
  'GET /api/bids': { cells: FIRM_LIST, req: () => ({ url: '/api/bids' }) },
  'POST /api/bids': {
    cells: [401, 201, 201, 403, 403, 404],
    req: (w) => ({
      url: '/api/bids',
      payload: {
        taskId: w.ids.task,
        outtaskerId: w.ids.outtasker,
        unitPriceMinor: 1200,
        currency: 'USD',
        turnaroundHours: 24,
      },
    }),
  },
  'POST /api/bids/import': {
    cells: FIRM_READ,
    req: (w) => ({
      url: '/api/bids/import',
      payload: {
        taskId: w.ids.task,
        marketplace: 'upwork',
        text: 'Freelancer,Bid,Currency,Delivery\nBo Lind,12.00,USD,24h\n',
        dryRun: true,
      },
    }),
  },
  'GET /api/bids/compare/:taskId': {
    cells: FIRM_READ,
    req: (w) => ({ url: `/api/bids/compare/${w.ids.task}` }),
  },
  'POST /api/bids/:id/award': {
    cells: [401, 201, 201, 403, 403, 404],
    req: async (w) => ({ url: `/api/bids/${await w.fresh.bid()}/award`, payload: {} }),
  },
  'POST /api/bids/:id/withdraw': {
    cells: FIRM_READ,
    req: async (w) => ({ url: `/api/bids/${await w.fresh.bid()}/withdraw` }),
  },
  'GET /api/bid-calls': { cells: FIRM_LIST, req: () => ({ url: '/api/bid-calls' }) },
  'POST /api/bid-calls': {
    cells: [401, 201, 201, 403, 403, 404],
    req: (w, a) => ({
      url: '/api/bid-calls',
      payload: { taskId: w.ids.task, postId: `call-${a}-${Math.random()}` },
    }),
  },
  'POST /api/bid-calls/:id/close': {
    cells: FIRM_READ,
    req: async (w) => ({ url: `/api/bid-calls/${await w.fresh.call()}/close` }),
  },
  'PUT /api/bid-calls/:id/audience': {
    cells: FIRM_READ,
    req: async (w) => ({
      url: `/api/bid-calls/${await w.fresh.call()}/audience`,
      payload: { audience: 'invited', outtaskerIds: [w.ids.outtasker] },
    }),
  },
  'GET /api/contracts': { cells: FIRM_LIST, req: () => ({ url: '/api/contracts' }) },
  'GET /api/contracts/:id': { cells: FIRM_READ, req: (w) => ({ url: `/api/contracts/${w.ids.contract}` }) },
  'POST /api/contracts/:id/status': {
    cells: FIRM_READ,
    req: async (w) => ({
      url: `/api/contracts/${await w.fresh.contract()}/status`,
      payload: { action: 'pause' },
    }),
  },
  'GET /api/fx-rates': { cells: FIRM_LIST, req: () => ({ url: '/api/fx-rates' }) },
  'PUT /api/fx-rates': {
    cells: FIRM_LIST,
    req: () => ({ url: '/api/fx-rates', payload: { currency: 'GBP', rate: 1.3, effectiveOn: '2021-02-03' } }),
  },
  'DELETE /api/fx-rates/:id': {
    cells: [401, 204, 204, 403, 403, 404],
    req: async (w) => ({ url: `/api/fx-rates/${await w.fresh.rate()}` }),
  },

  // Work orders: the firm's, and the assigned out-tasker's own (another out-tasker's are not found).
  'GET /api/work-orders': {
    cells: [401, 200, 200, 200, 200, 200],
    req: () => ({ url: '/api/work-orders' }),
  },
  'POST /api/work-orders': {
    cells: [401, 201, 201, 403, 403, 404],
    req: (w) => ({
      url: '/api/work-orders',
      payload: { contractId: w.ids.contract, title: 'Another deck', unitsExpected: 12 },
    }),
  },
  'GET /api/work-orders/statements': {
    cells: [401, 200, 200, 200, 200, 200],
    req: () => ({ url: '/api/work-orders/statements' }),
  },
  'GET /api/work-orders/statements/export': {
    cells: [401, 200, 200, 200, 200, 200],
    req: () => ({ url: '/api/work-orders/statements/export?format=csv' }),
  },
  'GET /api/work-orders/ledger': { cells: FIRM_LIST, req: () => ({ url: '/api/work-orders/ledger' }) },
  'GET /api/work-orders/sla': { cells: FIRM_LIST, req: () => ({ url: '/api/work-orders/sla' }) },
  'GET /api/work-orders/:id': {
    cells: [401, 200, 200, 200, 404, 404],
    req: (w) => ({ url: `/api/work-orders/${w.ids.order}` }),
  },
  'GET /api/work-orders/:id/package': {
    cells: [401, 200, 200, 200, 404, 404],
    req: (w) => ({ url: `/api/work-orders/${w.ids.order}/package` }),
  },
  // The firm sends a draft; the out-tasker accepts a sent order.
  'POST /api/work-orders/:id/transitions': {
    cells: [401, 200, 200, 200, 404, 404],
    req: async (w, a) =>
      a === 'assigned' || a === 'unassigned'
        ? { url: `/api/work-orders/${await w.fresh.order('sent')}/transitions`, payload: { event: 'accept' } }
        : { url: `/api/work-orders/${await w.fresh.order('draft')}/transitions`, payload: { event: 'send' } },
  },
  'POST /api/work-orders/:id/materials': {
    cells: [401, 201, 201, 403, 403, 404],
    req: async (w) => ({
      url: `/api/work-orders/${await w.fresh.order('draft')}/materials`,
      payload: { files: [{ name: 'brief.txt', contentBase64: b64('the brief') }], redacted: true },
    }),
  },
  // The out-tasker delivers; the firm may record a delivery that came another way (a marketplace's
  // messages: the state machine lets `firm` deliver). Anyone else is not shown the order.
  'POST /api/work-orders/:id/deliveries': {
    cells: [401, 201, 201, 201, 404, 404],
    req: async (w) => ({
      url: `/api/work-orders/${await w.fresh.order('accepted')}/deliveries`,
      payload: { note: 'Done', files: [{ name: 'notes.txt', contentBase64: b64('delivered') }] },
    }),
  },
  'POST /api/work-orders/:id/review': {
    cells: [401, 200, 200, 403, 403, 404],
    req: async (w) => ({
      url: `/api/work-orders/${await w.fresh.order('delivered')}/review`,
      payload: { outcome: 'approve', checklist: ticked },
    }),
  },
  'GET /api/work-orders/:id/files/:fileId': {
    cells: [401, 200, 200, 200, 404, 404],
    req: (w) => ({ url: `/api/work-orders/${w.ids.order}/files/${w.ids.file}` }),
  },

  // The portal: the invitation link is public (whoever holds it); the rest is the out-taskers' own.
  'POST /api/portal/invitation/peek': {
    cells: [200, 200, 200, 200, 200, 200],
    req: async (w) => ({
      url: '/api/portal/invitation/peek',
      payload: { token: await w.fresh.invitation() },
    }),
  },
  'POST /api/portal/invitation/accept': {
    cells: [200, 200, 200, 200, 200, 200],
    req: async (w) => ({
      url: '/api/portal/invitation/accept',
      payload: { token: await w.fresh.invitation(), password: 'invitee-password-1' },
    }),
  },
  'GET /api/portal': { cells: [401, 403, 403, 200, 200, 403], req: () => ({ url: '/api/portal' }) },
  // A call open to the assigned out-tasker only: the other out-tasker of the firm is told it does not exist.
  'POST /api/portal/bids': {
    cells: [401, 403, 403, 200, 404, 403],
    req: async (w) => ({
      url: '/api/portal/bids',
      payload: { callId: await w.fresh.invitedCall(), unitPriceMinor: 950, turnaroundHours: 20 },
    }),
  },
  'POST /api/portal/bids/:id/withdraw': {
    cells: [401, 403, 403, 200, 404, 403],
    req: async (w) => ({ url: `/api/portal/bids/${await w.fresh.portalBid()}/withdraw` }),
  },
};

/** The team and settings (issue 11): members, roles and access, invitations, workspace settings. */
const TEAM_MATRIX: Record<string, Row> = {
  'GET /api/members': { cells: FIRM_LIST, req: () => ({ url: '/api/members' }) },
  // A new member sets a loaded hourly cost: the owner's.
  'POST /api/members': {
    cells: [401, 201, 403, 403, 403, 201],
    req: (_w, a) => ({
      url: '/api/members',
      payload: {
        name: `New ${a} ${Math.random()}`,
        role: 'analyst',
        hourlyCost: { amountMinor: 8_000, currency: 'USD' },
      },
    }),
  },
  // Staff may change a title (not a cost or a role: test/http/team.test.ts).
  'PATCH /api/members/:id': {
    cells: [401, 200, 200, 403, 403, 404],
    req: (w) => ({ url: `/api/members/${w.ids.member}`, payload: { title: 'Senior consultant' } }),
  },
  'GET /api/workspace/users': { cells: FIRM_LIST, req: () => ({ url: '/api/workspace/users' }) },
  'PATCH /api/workspace/users/:id': {
    cells: [401, 200, 403, 403, 403, 404],
    req: async (w) => ({
      url: `/api/workspace/users/${await w.fresh.staffUser()}`,
      payload: { role: 'staff' },
    }),
  },
  'DELETE /api/workspace/users/:id': {
    cells: OWNER_THIS,
    req: async (w) => ({ url: `/api/workspace/users/${await w.fresh.staffUser()}` }),
  },
  'GET /api/workspace/audit': { cells: OWNER_OWN, req: () => ({ url: '/api/workspace/audit?limit=5' }) },
  'GET /api/workspace/invitations': { cells: OWNER_OWN, req: () => ({ url: '/api/workspace/invitations' }) },
  'POST /api/workspace/invitations': {
    cells: [401, 201, 403, 403, 403, 201],
    req: (_w, a) => ({
      url: '/api/workspace/invitations',
      payload: { email: `${a}-${Math.random().toString(36).slice(2)}@joiners.example`, role: 'staff' },
    }),
  },
  'DELETE /api/workspace/invitations/:id': {
    cells: OWNER_THIS,
    req: async (w) => ({ url: `/api/workspace/invitations/${(await w.fresh.firmInvitation()).id}` }),
  },
  'GET /api/workspace/settings': { cells: FIRM_LIST, req: () => ({ url: '/api/workspace/settings' }) },
  'PATCH /api/workspace/settings': {
    cells: OWNER_OWN,
    req: () => ({ url: '/api/workspace/settings', payload: { fiscalYearStartMonth: 4 } }),
  },
  'GET /api/settings/economics': { cells: FIRM_LIST, req: () => ({ url: '/api/settings/economics' }) },
  'PATCH /api/settings/economics': {
    cells: OWNER_OWN,
    req: () => ({ url: '/api/settings/economics', payload: { platformFeeBps: 500 } }),
  },
  // The link is public (whoever holds it): the token is the credential.
  'POST /api/join/peek': {
    cells: [200, 200, 200, 200, 200, 200],
    req: async (w) => ({ url: '/api/join/peek', payload: { token: (await w.fresh.firmInvitation()).token } }),
  },
  'POST /api/join/accept': {
    cells: [200, 200, 200, 200, 200, 200],
    req: async (w) => ({
      url: '/api/join/accept',
      payload: { token: (await w.fresh.firmInvitation()).token, password: 'joiner-password-1' },
    }),
  },
};
Object.assign(MATRIX, TEAM_MATRIX);

/** A whole post content (PUT takes the whole of it). */
const POST_CONTENT = {
  title: 'Deck designer: summary deck from interview notes',
  summary: 'Turn interview notes into a summary deck in the firm template.',
  deliverables: ['Deck'],
  acceptanceCriteria: ['Every slide uses the firm template'],
  pricing: { kind: 'per_unit', amount: { amountMinor: 1100, currency: 'USD' }, unit: 'slide' },
  turnaroundHours: 24,
  volume: { ordersPerYear: 8, unitsPerOrder: 40 },
  skills: ['PowerPoint'],
  screeningQuestions: [],
  ndaRequired: false,
  experienceLevel: 'intermediate',
  category: '',
};

describe.each(testDialects)('authorization matrix of step 6 (%s)', (dialect) => {
  let app: Awaited<ReturnType<typeof signedInApp>>;
  let a: World;
  let b: World;

  beforeAll(async () => {
    app = await signedInApp(dialect, {
      env: { OUTTASK_SECRETS_KEY: KEY, OUTTASK_FREELANCER_API_URL: 'http://127.0.0.1:9/api' },
    });
    a = await buildWorld(app, 'Alder');
    b = await buildWorld(app, 'Birch');
  }, 120_000);
  afterAll(() => app?.close());

  const routes = () =>
    app.http.routeTable
      .filter((r) => PREFIXES.some((p) => r.url === p || r.url.startsWith(`${p}/`)))
      .map((r) => `${r.method} ${r.url}`);

  it('has a row for every covered route in the route table, and no row for a route that is gone', () => {
    const table = routes();
    expect(table.length).toBeGreaterThan(50);
    expect(
      table.filter((r) => !(r in MATRIX)),
      'routes without a row',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !table.includes(r)),
      'rows without a route',
    ).toEqual([]);
  });

  /** One cell: the caller's answer, and for a 2xx to someone who may not see the firm's work, no leak. */
  async function cell(route: string, w: World, caller: Actor, other: World) {
    const [method] = route.split(' ') as [Method];
    const r = await MATRIX[route]!.req(w, caller);
    const cookies =
      caller === 'anonymous' ? undefined : caller === 'other' ? other.cookies.owner : w.cookies[caller];
    const res = await app.http.inject({
      method,
      url: r.url,
      ...(cookies ? { cookies } : {}),
      ...(r.payload !== undefined ? { payload: r.payload as object } : {}),
    });
    const leaks =
      res.statusCode < 300 && (caller === 'other' || caller === 'unassigned')
        ? (caller === 'other' ? Object.values(w.ids) : w.assignedOnly).filter((id) => res.body.includes(id))
        : [];
    return { status: res.statusCode, leaks, body: res.body.slice(0, 300) };
  }

  it('answers every cell as written: 6 callers × every route, the other owner given this firm’s ids', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const route of routes()) {
      const row = MATRIX[route];
      if (!row) continue;
      for (const [i, caller] of ACTORS.entries()) {
        const got = await cell(route, a, caller, b);
        cells++;
        if (got.status !== row.cells[i] || got.leaks.length > 0) {
          wrong.push(
            `${route} as ${caller}: expected ${row.cells[i]}, got ${got.status}${got.leaks.length ? ` leaking ${got.leaks.join(', ')}` : ''} ${got.body}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(routes().length * ACTORS.length);
  }, 300_000);

  it('and the other way round: the first firm’s owner given the second firm’s ids', async () => {
    const wrong: string[] = [];
    for (const route of routes()) {
      const row = MATRIX[route];
      if (!row) continue;
      const got = await cell(route, b, 'other', a);
      if (got.status !== row.cells[5] || got.leaks.length > 0) {
        wrong.push(
          `${route}: expected ${row.cells[5]}, got ${got.status} ${got.leaks.join(', ')} ${got.body}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
