/**
 * The demo's step 6 in use: the flagship deck out-tasked for four months to two out-taskers — the post,
 * a call for bids to both, the award, a second contract for the overflow, and eleven work orders with
 * their PPTX deliveries (two late, one sent back with a change request), approved and invoiced — so the
 * statements, the savings ledger and the SLA record have something to say. Everything goes through the
 * features' services on the app's own database handle; the replay clock sets the time of each step.
 */
import { randomBytes } from 'node:crypto';
import PptxGenJS from 'pptxgenjs';
import type { Workspace } from '../accounts/index.ts';
import type { createMarketplaceService } from '../marketplace/index.ts';
import type { OuttaskersService } from '../outtaskers/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';

export interface DemoOuttaskingDeps {
  outtaskers: OuttaskersService;
  marketplace: ReturnType<typeof createMarketplaceService>;
  workOrders: WorkOrdersService;
  /** Set to each step's moment while the history is replayed; handed back (null) at the end. */
  clock: { at(iso: string | null): void };
}

const HOUR = 3_600_000;
const ACCEPTANCE = [
  'Built on the firm’s template, no client names',
  'One slide per theme with the quotes that support it',
  'Editable PPTX, speaker notes kept',
];

/** One order of the history: month (0 = four months ago), day, slides, and what happened. */
interface OrderPlan {
  who: 'priya' | 'tomas';
  month: number;
  day: number;
  slides: number;
  /** Hours from sending to delivery (the SLA is 24). */
  deliveredAfter: number;
  changeRequest?: { comment: string; slidesAfter: number };
}

const PLAN: readonly OrderPlan[] = [
  { who: 'priya', month: 0, day: 8, slides: 32, deliveredAfter: 20 },
  { who: 'priya', month: 0, day: 20, slides: 28, deliveredAfter: 22 },
  { who: 'priya', month: 1, day: 6, slides: 36, deliveredAfter: 18 },
  { who: 'tomas', month: 1, day: 12, slides: 30, deliveredAfter: 23 },
  { who: 'priya', month: 1, day: 19, slides: 34, deliveredAfter: 21 },
  { who: 'priya', month: 2, day: 5, slides: 40, deliveredAfter: 30 },
  {
    who: 'tomas',
    month: 2,
    day: 11,
    slides: 29,
    deliveredAfter: 20,
    changeRequest: {
      comment: 'Slide 7 names the client: take it out, and split the pricing theme.',
      slidesAfter: 31,
    },
  },
  { who: 'priya', month: 2, day: 18, slides: 33, deliveredAfter: 19 },
  { who: 'tomas', month: 2, day: 24, slides: 27, deliveredAfter: 29 },
  { who: 'priya', month: 3, day: 7, slides: 38, deliveredAfter: 21 },
  { who: 'tomas', month: 3, day: 14, slides: 30, deliveredAfter: 22 },
];

/** A deck with `slides` slides: what the out-tasker delivers (its slides are the billed units). */
async function deck(title: string, slides: number): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (let i = 1; i <= slides; i++) {
    const s = pptx.addSlide();
    s.addText(i === 1 ? title : `Theme ${i - 1}: what the executives said`, {
      x: 0.5,
      y: 0.5,
      w: 12,
      h: 1,
      fontSize: 28,
    });
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

/** The first day of the month `back` months before `now`, at `day` and `hour` UTC, as ISO. */
function monthsAgo(now: Date, back: number, day: number, hour: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, hour)).toISOString();
}

export async function seedDemoOuttasking(
  deps: DemoOuttaskingDeps,
  owner: { workspace: Workspace; userId: string },
  taskId: string,
): Promise<void> {
  const realNow = new Date();
  // Month 0 is four months back; every step happens before today.
  const at = (month: number, day: number, hour = 9) => monthsAgo(realNow, 4 - month, day, hour);
  const firm = { ...owner, role: 'owner' as const };
  const { outtaskers, workOrders: wo, clock } = deps;
  try {
    clock.at(at(0, 2));
    const person = async (name: string, email: string, timeZone: string, profile: string) => {
      const rec = await outtaskers.createOuttasker(owner, {
        name,
        email,
        profiles: [{ marketplace: 'freelancer', url: profile, handle: null }],
        rates: [],
        currency: 'USD',
        timeZone,
        ndaSignedOn: at(0, 2).slice(0, 10),
        status: 'active',
        notes: '',
      });
      const link = await outtaskers.invite(owner, rec.id, { expiresInHours: 72 });
      const session = await outtaskers.acceptInvitation(
        { token: link.token, password: randomBytes(12).toString('base64url') },
        { address: '127.0.0.1' },
      );
      return { id: rec.id, actor: { workspace: owner.workspace, userId: session.actor.user.id } };
    };
    const priya = await person(
      'Priya Deckwright',
      'priya@decks.example',
      'Asia/Kolkata',
      'https://www.freelancer.com/u/priyadecks',
    );
    const tomas = await person(
      'Tomás Ruiz',
      'tomas@slides.example',
      'Europe/Madrid',
      'https://www.freelancer.com/u/tomasslides',
    );

    // The post from the approved procedure, a call for bids to both, and the award to the cheaper.
    const post = await deps.marketplace.compile(owner, taskId);
    const call = await outtaskers.openCall(owner, {
      taskId,
      postId: post.id,
      brief: 'Turn the interview notes of a project into the summary deck on our template, within 24 hours.',
      slaHours: 24,
      outtaskerIds: [priya.id, tomas.id],
    });
    clock.at(at(0, 3));
    const priyaBid = await outtaskers.portalBid(priya.actor, {
      callId: call.id,
      unitPriceMinor: 1100,
      turnaroundHours: 24,
      message: 'Twelve years of consulting decks; your template within a day.',
    });
    await outtaskers.portalBid(tomas.actor, {
      callId: call.id,
      unitPriceMinor: 1250,
      turnaroundHours: 36,
      message: 'Strategy decks for Iberian firms since 2015.',
    });
    clock.at(at(0, 4));
    const contracts = {
      priya: (await outtaskers.award(owner, priyaBid.id, { acceptanceCriteria: ACCEPTANCE })).contract.id,
      tomas: '',
    };
    // Month 1: more interviews than one designer can take; Tomás takes the overflow at his price.
    clock.at(at(1, 2));
    const overflow = await outtaskers.placeBid(owner, {
      taskId,
      postId: null,
      outtaskerId: tomas.id,
      marketplace: 'direct',
      externalId: null,
      unitPriceMinor: 1200,
      currency: 'USD',
      turnaroundHours: 24,
      message: 'Overflow decks when Priya is booked.',
    });
    contracts.tomas = (
      await outtaskers.award(owner, overflow.id, { slaHours: 24, acceptanceCriteria: ACCEPTANCE })
    ).contract.id;

    const workers = { priya: priya.actor, tomas: tomas.actor };
    for (const [i, p] of PLAN.entries()) {
      const worker = { ...workers[p.who], role: 'outtasker' as const };
      const sentAt = new Date(at(p.month, p.day));
      const step = (hours: number) => clock.at(new Date(sentAt.getTime() + hours * HOUR).toISOString());
      step(0);
      const title = `Interview summary deck, project ${String(i + 1).padStart(2, '0')}`;
      const order = await wo.create(firm, {
        contractId: contracts[p.who],
        title,
        unitsExpected: p.slides,
        timeZone: 'Europe/London',
      });
      await wo.addMaterials(
        firm,
        order.id,
        [
          {
            name: 'interview-notes.txt',
            bytes: Buffer.from(`Notes of ${p.slides - 2} interviews, names taken out.`),
          },
        ],
        { redacted: true },
      );
      await wo.move(firm, order.id, 'send');
      step(1);
      await wo.move(worker, order.id, 'accept');
      step(p.deliveredAfter);
      await wo.deliver(worker, order.id, {
        note: 'The deck, on your template.',
        files: [{ name: 'summary-deck.pptx', bytes: await deck(title, p.slides) }],
      });
      const checklist = order.acceptance.map((item) => ({ item, checked: true }));
      let reviewedAfter = p.deliveredAfter + 3;
      if (p.changeRequest) {
        step(reviewedAfter);
        await wo.review(firm, order.id, {
          outcome: 'request_changes',
          checklist: checklist.map((c, n) => ({ item: c.item, checked: n !== 0 })),
          comment: p.changeRequest.comment,
        });
        step(reviewedAfter + 6);
        await wo.deliver(worker, order.id, {
          note: 'Client name removed; pricing split in two.',
          files: [{ name: 'summary-deck-v2.pptx', bytes: await deck(title, p.changeRequest.slidesAfter) }],
        });
        reviewedAfter += 9;
      }
      const late = p.deliveredAfter > 24;
      // The last month's last order waits for review: the board has something to do.
      if (i === PLAN.length - 1) continue;
      step(reviewedAfter);
      await wo.review(firm, order.id, {
        outcome: 'approve',
        checklist,
        comment: late ? 'Good deck, but a day late for the steering committee.' : '',
        qualityRating: p.changeRequest ? 3 : 5,
        timelinessRating: late ? 2 : 5,
      });
      // Invoiced at the end of the month, except the current month's.
      if (p.month < 3) {
        clock.at(at(p.month + 1, 1, 8));
        await wo.move(firm, order.id, 'invoice');
      }
    }
  } finally {
    clock.at(null);
  }
}
