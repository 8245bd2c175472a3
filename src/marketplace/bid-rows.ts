/**
 * A bid read from a marketplace, priced per the post's unit for the bid comparison. Marketplaces take
 * a budget for the whole order (40 slides at $11: $440) or an hourly rate, so a fixed bid on a
 * per-unit post is divided by the units one order holds, and the message says how. Pure.
 */
import { formatMoney, roundHalfAway } from '../platform/money.ts';
import type { NormalizedBid } from './connectors/connector.ts';
import { MARKETPLACE_SPECS } from './limits.ts';
import type { PostContent } from './post.ts';

export interface BidRow {
  externalId: string;
  bidderId: string;
  name: string;
  profileUrl: string | null;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  turnaroundHours: number;
  message: string;
}

export function bidRowOf(bid: NormalizedBid, post: PostContent): BidRow {
  const notes: string[] = [];
  let unit = post.pricing.unit;
  let unitPriceMinor = bid.amount.amountMinor;
  const units = post.volume.unitsPerOrder;
  if (bid.kind === 'hourly') {
    unit = 'hour';
  } else if (post.pricing.kind === 'per_unit' && units > 0) {
    unitPriceMinor = roundHalfAway(bid.amount.amountMinor / units);
    notes.push(
      `Bid ${formatMoney(bid.amount)} for an order of ${units} ${plural(post.pricing.unit, units)}: ${formatMoney({ amountMinor: unitPriceMinor, currency: bid.amount.currency })} a ${post.pricing.unit}.`,
    );
  } else if (post.pricing.kind === 'hourly') {
    // A fixed bid on an hourly post is for the order as a whole.
    unit = 'order';
  }
  let turnaroundHours = bid.turnaroundHours;
  if (turnaroundHours === null || turnaroundHours <= 0) {
    turnaroundHours = post.turnaroundHours;
    notes.push(`No delivery time stated: the post's ${post.turnaroundHours} hours assumed.`);
  }
  const label = MARKETPLACE_SPECS[bid.marketplace].label;
  return {
    externalId: bid.externalId,
    bidderId: bid.bidder.externalId,
    name: bid.bidder.name?.trim() || `${label} user ${bid.bidder.externalId}`,
    profileUrl: bid.bidder.profileUrl,
    unit,
    unitPriceMinor,
    currency: bid.amount.currency,
    turnaroundHours,
    message: [bid.message.trim(), ...notes].filter(Boolean).join('\n\n'),
  };
}

function plural(unit: string, n: number): string {
  if (n === 1 || /s$/.test(unit)) return unit;
  return /[^aeiou]y$/.test(unit) ? `${unit.slice(0, -1)}ies` : `${unit}s`;
}
