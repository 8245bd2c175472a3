/**
 * A post rendered for one marketplace, within that marketplace's own fields and limits
 * (limits.ts): a field over its limit is shortened at a word boundary with a warning, never cut
 * mid-word; a list over its count keeps its first items with a warning. Pure.
 */
import { formatMoney, type Money, multiply } from '../platform/money.ts';
import { type FieldSpec, MARKETPLACE_SPECS, type Marketplace, type MarketplaceSpec } from './limits.ts';
import { type PostContent, unitsPerYear } from './post.ts';
import { charLength, shorten } from './shorten.ts';

export type FieldValue = string | string[];

export interface RenderWarning {
  field: string;
  code: 'SHORTENED' | 'ITEMS_DROPPED' | 'TOO_SHORT' | 'NO_WORD_FITS' | 'PRICE_CONVERTED' | 'CHOOSE_ON_SITE';
  message: string;
}

export interface Rendering {
  marketplace: Marketplace;
  label: string;
  postingUrl: string | null;
  fields: Record<string, FieldValue>;
  /** Each field's label and limit, in the order the marketplace's form asks for them. */
  layout: { field: string; label: string; max: number | null; maxItems: number | null }[];
  warnings: RenderWarning[];
}

const plural = (n: number, unit: string) => `${n} ${n === 1 || /s$/i.test(unit) ? unit : `${unit}s`}`;

function turnaround(hours: number): string {
  if (hours < 48) return `${hours} hours`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${days} days (${hours} hours)`;
}

/** Decimal string of a money amount ("440.00"): the way the APIs take amounts. */
export function decimal(m: Money): string {
  const digits = m.currency === 'JPY' || m.currency === 'KRW' ? 0 : 2;
  return (m.amountMinor / 10 ** digits).toFixed(digits);
}

/** The price of one order (per-unit price × units per order; a fixed price as it is). */
export function orderPrice(c: PostContent): Money {
  return c.pricing.kind === 'per_unit'
    ? multiply(c.pricing.amount, c.volume.unitsPerOrder)
    : c.pricing.amount;
}

export function priceText(c: PostContent): string {
  const a = formatMoney(c.pricing.amount);
  if (c.pricing.kind === 'per_unit') {
    return `${a} per ${c.pricing.unit} (${plural(c.volume.unitsPerOrder, c.pricing.unit)} an order: ${formatMoney(orderPrice(c))})`;
  }
  return c.pricing.kind === 'hourly' ? `${a} per hour` : `${a} per order (fixed)`;
}

/** The long text every marketplace's description (or an email body) is made of. */
export function describe(c: PostContent, opts: { questions: boolean }): string {
  const parts: string[] = [];
  if (c.summary) parts.push(c.summary);
  if (c.deliverables.length)
    parts.push(`What you deliver:\n${c.deliverables.map((d) => `- ${d}`).join('\n')}`);
  if (c.acceptanceCriteria.length) {
    parts.push(`Accepted when:\n${c.acceptanceCriteria.map((d) => `- ${d}`).join('\n')}`);
  }
  const terms = [
    `Price: ${priceText(c)}.`,
    `Turnaround: within ${turnaround(c.turnaroundHours)} of receiving the material.`,
    `Expected volume: about ${c.volume.ordersPerYear} orders a year (${plural(unitsPerYear(c), c.pricing.unit)}); no fixed commitment.`,
  ];
  if (c.ndaRequired) terms.push('A non-disclosure agreement is signed before any material is shared.');
  parts.push(terms.join('\n'));
  if (opts.questions && c.screeningQuestions.length) {
    parts.push(
      `Please answer in your proposal:\n${c.screeningQuestions.map((q, i) => `${i + 1}. ${q}`).join('\n')}`,
    );
  }
  return parts.join('\n\n');
}

function fitText(field: string, spec: FieldSpec, value: string, warnings: RenderWarning[]): string {
  if (spec.kind !== 'text') return value;
  const r = shorten(value, spec.max, { prefer: spec.long ? 'paragraph' : 'word' });
  if (r.shortened) {
    warnings.push(
      r.text
        ? {
            field,
            code: 'SHORTENED',
            message: `${spec.label} shortened from ${r.from} to ${r.to} characters (the limit is ${spec.max}); read it before posting`,
          }
        : {
            field,
            code: 'NO_WORD_FITS',
            message: `${spec.label}: not even its first word fits in ${spec.max} characters; write a shorter one`,
          },
    );
  }
  if (spec.min !== undefined && charLength(r.text) < spec.min) {
    warnings.push({
      field,
      code: 'TOO_SHORT',
      message: `${spec.label} has ${charLength(r.text)} characters; the marketplace asks for at least ${spec.min}`,
    });
  }
  return r.text;
}

function fitList(
  field: string,
  spec: FieldSpec,
  items: readonly string[],
  warnings: RenderWarning[],
): string[] {
  if (spec.kind !== 'list') return [...items];
  const kept = items.slice(0, spec.maxItems);
  if (items.length > spec.maxItems) {
    warnings.push({
      field,
      code: 'ITEMS_DROPPED',
      message: `${spec.label}: ${spec.maxItems} at most; left out ${items
        .slice(spec.maxItems)
        .map((s) => `"${s}"`)
        .join(', ')}`,
    });
  }
  return kept
    .map((item, i) => {
      const r = shorten(item, spec.maxItemChars);
      if (r.shortened) {
        warnings.push({
          field,
          code: r.text ? 'SHORTENED' : 'NO_WORD_FITS',
          message: `${spec.label} ${i + 1} shortened from ${r.from} to ${r.to} characters (the limit is ${spec.maxItemChars})`,
        });
      }
      return r.text;
    })
    .filter((s) => s.length > 0);
}

function budgetValues(c: PostContent, spec: MarketplaceSpec, warnings: RenderWarning[]) {
  const hourly = c.pricing.kind === 'hourly';
  const order = orderPrice(c);
  if (c.pricing.kind === 'per_unit' && !spec.perUnitPricing) {
    warnings.push({
      field: 'budget',
      code: 'PRICE_CONVERTED',
      message: `${spec.label} takes no price per ${c.pricing.unit}: the budget is one order's fixed price (${plural(c.volume.unitsPerOrder, c.pricing.unit)} × ${formatMoney(c.pricing.amount)} = ${formatMoney(order)}); the per-${c.pricing.unit} price is in the description`,
    });
  }
  return { hourly, amount: hourly ? c.pricing.amount : order };
}

/** The rendering of `c` for `marketplace`. */
export function renderPost(c: PostContent, marketplace: Marketplace): Rendering {
  const spec = MARKETPLACE_SPECS[marketplace];
  const warnings: RenderWarning[] = [];
  const f = spec.fields;
  const raw: Record<string, FieldValue> = {};
  if (marketplace === 'generic') {
    raw.subject = `${c.title}${c.ndaRequired ? ' (NDA)' : ''}`;
    raw.body = describe(c, { questions: true });
  } else {
    raw.title = c.title;
    raw.description = describe(c, { questions: !spec.screeningField });
    if (f.skills) raw.skills = c.skills;
    const b = budgetValues(c, spec, warnings);
    const amount = decimal(b.amount);
    if (f.budgetType) raw.budgetType = b.hourly ? 'hourly' : 'fixed';
    if (f.budget) raw.budget = amount;
    if (f.budgetMin) raw.budgetMin = amount;
    if (f.budgetMax) raw.budgetMax = amount;
    if (f.currency) raw.currency = b.amount.currency;
    if (f.category) {
      raw.category = c.category;
      if (!c.category) {
        warnings.push({
          field: 'category',
          code: 'CHOOSE_ON_SITE',
          message: 'Choose the category on the marketplace',
        });
      }
    }
    if (f.duration)
      raw.duration = c.volume.ordersPerYear >= 2 ? 'More than 6 months (ongoing)' : 'Less than 1 month';
    if (f.experienceLevel) raw.experienceLevel = c.experienceLevel;
    if (f.screeningQuestions) raw.screeningQuestions = c.screeningQuestions;
  }
  const fields: Record<string, FieldValue> = {};
  const layout: Rendering['layout'] = [];
  for (const [name, fs] of Object.entries(f)) {
    const v = raw[name];
    if (v === undefined) continue;
    fields[name] = Array.isArray(v) ? fitList(name, fs, v, warnings) : fitText(name, fs, v, warnings);
    layout.push({
      field: name,
      label: fs.label,
      max: fs.kind === 'text' ? fs.max : fs.kind === 'list' ? fs.maxItemChars : null,
      maxItems: fs.kind === 'list' ? fs.maxItems : null,
    });
  }
  return { marketplace, label: spec.label, postingUrl: spec.postingUrl, fields, layout, warnings };
}
