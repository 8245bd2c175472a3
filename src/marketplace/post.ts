/**
 * A job post: what an out-tasker reads before bidding, compiled from a task's approved standard
 * procedure (its brief) and the task's figures, then edited by staff. Pure: no I/O, no clock.
 */
import type { Confidentiality, Task } from '../inventory/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Money } from '../platform/money.ts';
import type { Brief } from '../procedures/index.ts';
import type { Marketplace } from './limits.ts';

export const PRICING_KINDS = ['per_unit', 'fixed', 'hourly'] as const;
export type PricingKind = (typeof PRICING_KINDS)[number];

export const EXPERIENCE_LEVELS = ['entry', 'intermediate', 'expert'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export interface Pricing {
  /** per_unit: `amount` per `unit`; fixed: `amount` per order; hourly: `amount` per hour. */
  kind: PricingKind;
  amount: Money;
  unit: string;
}

/** What staff edit: every field a marketplace rendering is made of. */
export interface PostContent {
  title: string;
  summary: string;
  /** What the out-tasker hands back. */
  deliverables: string[];
  acceptanceCriteria: string[];
  pricing: Pricing;
  /** The SLA: hours from receiving the inputs to delivery. */
  turnaroundHours: number;
  /** Expected volume: orders a year and units per order. */
  volume: { ordersPerYear: number; unitsPerOrder: number };
  skills: string[];
  screeningQuestions: string[];
  ndaRequired: boolean;
  experienceLevel: ExperienceLevel;
  /** A marketplace category, in words ("Presentation design"); empty: chosen on the marketplace. */
  category: string;
}

export interface JobPost {
  id: string;
  taskId: string;
  taskName: string;
  /** The post's own version: 1 when compiled, +1 per edit or recompile. */
  version: number;
  /** The standard procedure version the content was compiled from. */
  procedureVersion: { id: string; number: number };
  /** A later approved procedure version exists (its number): recompile to take it. */
  newerProcedureVersion: number | null;
  content: PostContent;
  /** Whether staff changed the content since it was compiled. */
  edited: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PostVersionSummary {
  version: number;
  procedureVersion: number;
  edited: boolean;
  note: string;
  createdAt: string;
  createdBy: string | null;
}

export interface PostListRow {
  id: string;
  taskId: string;
  taskName: string;
  title: string;
  version: number;
  procedureVersion: number;
  edited: boolean;
  updatedAt: string;
}

/** Where a post version went: a marketplace's listing, pasted back by a person or recorded by a connector. */
export interface Listing {
  id: string;
  postId: string;
  postVersion: number;
  marketplace: Marketplace;
  via: 'assisted' | 'api';
  url: string;
  externalId: string | null;
  status: 'open' | 'closed';
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const POST_LIMITS = {
  title: 200,
  summary: 5000,
  item: 500,
  items: 30,
  skills: 20,
  questions: 10,
  maxTurnaroundHours: 24 * 365,
} as const;

const EXPERIENCE_OF: Record<Task['skillLevel'], ExperienceLevel> = {
  basic: 'entry',
  intermediate: 'intermediate',
  advanced: 'expert',
  expert: 'expert',
};

const NDA_LEVELS: readonly Confidentiality[] = ['confidential', 'restricted'];

const norm = (s: string) => s.trim().toLowerCase();
function unique(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const s = raw.trim();
    if (s && !out.some((x) => norm(x) === norm(s))) out.push(s);
  }
  return out;
}

/** "slide" → "slides" (as the brief says it). */
function plural(unit: string): string {
  return /s$/i.test(unit) ? unit : `${unit}s`;
}

/**
 * The post a brief and its task make: the out-tasker's steps (or all steps, when none is the
 * out-tasker's) give the deliverables, acceptance criteria and skills; the task gives the price, the
 * volume (`ordersPerYear`: the task's occurrences a year), the experience asked for and whether an
 * NDA is needed.
 */
export function compilePost(
  brief: Brief,
  task: Task,
  figures: { currency: string; ordersPerYear: number },
): PostContent {
  const { currency } = figures;
  const mine = brief.steps.filter((s) => s.kind === 'outtasker');
  const steps = mine.length > 0 ? mine : brief.steps;
  const role = mine.find((s) => s.who.startsWith('You ('))?.who.slice(5, -1);
  const unit = task.deliverableUnit.trim() || 'order';
  const ordersPerYear = Math.round(figures.ordersPerYear * 100) / 100;
  const price: Money = task.marketPricePerUnit ?? { amountMinor: 0, currency };
  const deliverables = unique(brief.deliverables.map((d) => d.item));
  const questions = [
    `How many ${plural(unit)} like these have you delivered, and can you share one example?`,
    `Can you deliver ${task.unitsPerOccurrence} ${plural(unit)} within ${brief.turnaroundHours} hours of receiving the material?`,
    'Which tools do you use for this work?',
  ];
  if (NDA_LEVELS.includes(task.confidentiality)) {
    questions.push('Will you sign a non-disclosure agreement before receiving the material?');
  }
  return {
    title: role && role !== 'out-tasker' ? `${role}: ${brief.title}` : brief.title,
    summary: brief.purpose,
    deliverables: deliverables.length > 0 ? deliverables : [brief.title],
    acceptanceCriteria: unique(steps.flatMap((s) => s.acceptanceCriteria)),
    pricing: { kind: 'per_unit', amount: price, unit },
    turnaroundHours: brief.turnaroundHours,
    volume: { ordersPerYear, unitsPerOrder: task.unitsPerOccurrence },
    skills: unique(steps.map((s) => s.tool)).slice(0, POST_LIMITS.skills),
    screeningQuestions: questions,
    ndaRequired: NDA_LEVELS.includes(task.confidentiality),
    experienceLevel: EXPERIENCE_OF[task.skillLevel],
    category: '',
  };
}

/** Checks an edited content against the rules every post obeys; returns it tidied. */
export function checkContent(c: PostContent): PostContent {
  const problems: { field: string; message: string }[] = [];
  const title = c.title.trim();
  if (!title) problems.push({ field: 'title', message: 'needs text' });
  if (c.pricing.amount.amountMinor < 0)
    problems.push({ field: 'pricing.amount', message: 'must be 0 or more' });
  if (!c.pricing.unit.trim())
    problems.push({ field: 'pricing.unit', message: 'needs a unit (slide, hour, order…)' });
  if (!(c.turnaroundHours > 0))
    problems.push({ field: 'turnaroundHours', message: 'must be more than 0 hours' });
  if (c.volume.ordersPerYear < 0 || c.volume.unitsPerOrder < 0) {
    problems.push({ field: 'volume', message: 'must be 0 or more' });
  }
  const first = problems[0];
  if (first) {
    throw new AppError(
      'POST_INVALID',
      `${first.field} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}. Nothing was changed.`,
      { problems, field: first.field },
    );
  }
  return {
    ...c,
    title,
    summary: c.summary.trim(),
    deliverables: unique(c.deliverables),
    acceptanceCriteria: unique(c.acceptanceCriteria),
    skills: unique(c.skills),
    screeningQuestions: unique(c.screeningQuestions),
    category: c.category.trim(),
    pricing: { ...c.pricing, unit: c.pricing.unit.trim() },
  };
}

/** Units a year at the expected volume. */
export function unitsPerYear(c: PostContent): number {
  return Math.round(c.volume.ordersPerYear * c.volume.unitsPerOrder * 100) / 100;
}
