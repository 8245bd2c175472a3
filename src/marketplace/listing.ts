/**
 * A listing's URL pasted back from a marketplace: checked to be that marketplace's, its id parsed.
 * Pure. The id is what a connector (or a person) later finds the listing's bids by.
 */
import { AppError } from '../platform/errors.ts';
import { MARKETPLACE_SPECS, type Marketplace } from './limits.ts';

const HOSTS: Record<Exclude<Marketplace, 'generic'>, RegExp> = {
  upwork: /(^|\.)upwork\.com$/i,
  freelancer: /(^|\.)freelancer(-sandbox)?\.com$/i,
  peopleperhour: /(^|\.)peopleperhour\.com$/i,
  truelancer: /(^|\.)truelancer\.com$/i,
};

export interface ParsedListing {
  /** The URL as normalized (no fragment, https). */
  url: string;
  /** The marketplace's id of the listing; null for the generic post. */
  externalId: string | null;
}

function idOf(marketplace: Exclude<Marketplace, 'generic'>, u: URL): string | null {
  const path = decodeURIComponent(u.pathname);
  switch (marketplace) {
    case 'upwork': {
      // https://www.upwork.com/jobs/~01abc…, …/jobs/Some-title_~01abc…/, ?…&job=~01abc…
      const m = /~([0-9a-z]{8,})/i.exec(`${path} ${u.search}`);
      return m ? `~${m[1]!.toLowerCase()}` : null;
    }
    case 'freelancer': {
      // https://www.freelancer.com/projects/<category>/<slug>[-<id>] or /projects/<id>
      const m = /\/projects\/(?:[^/]+\/)?(?:[^/]*?-)?(\d{5,})\/?$/.exec(path);
      if (m) return m[1]!;
      const seo = /\/projects\/([^/]+\/[^/]+?)\/?$/.exec(path);
      return seo ? seo[1]! : null;
    }
    case 'peopleperhour':
    case 'truelancer': {
      const m = /-(\d{3,})\/?$/.exec(path) ?? /\/(\d{3,})\/?$/.exec(path);
      return m ? m[1]! : null;
    }
  }
}

export function parseListingUrl(marketplace: Marketplace, text: string): ParsedListing {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new AppError(
      'LISTING_URL_INVALID',
      `"${text.slice(0, 200)}" is not a web address; paste the listing's address`,
      {
        field: 'url',
      },
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new AppError(
      'LISTING_URL_INVALID',
      `A listing's address starts with https:// (got ${u.protocol})`,
      {
        field: 'url',
      },
    );
  }
  u.hash = '';
  if (marketplace === 'generic') return { url: u.toString(), externalId: null };
  if (!HOSTS[marketplace].test(u.hostname)) {
    throw new AppError(
      'LISTING_URL_INVALID',
      `${u.hostname} is not ${MARKETPLACE_SPECS[marketplace].label}: paste the address of the listing on ${MARKETPLACE_SPECS[marketplace].label}`,
      { field: 'url' },
    );
  }
  u.protocol = 'https:';
  const externalId = idOf(marketplace, u);
  if (!externalId) {
    throw new AppError(
      'LISTING_URL_INVALID',
      `No listing id in ${u.toString()}: open the listing on ${MARKETPLACE_SPECS[marketplace].label} and paste its address`,
      { field: 'url' },
    );
  }
  return { url: u.toString(), externalId };
}
