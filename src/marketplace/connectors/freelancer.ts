/**
 * Freelancer.com's REST API (projects 0.1), written to its documented contract as its official SDK
 * (freelancer-sdk-python) sends it:
 * - post: `POST {api}/projects/0.1/projects/` JSON { title, description, currency: { id },
 *   budget: { minimum, maximum }, jobs: [{ id }], type? 'HOURLY', hourly_project_info? } → { status:
 *   "success", result: { id, seo_url, … } }
 * - bids: `GET {api}/projects/0.1/bids/?projects[]={id}&limit&offset` → result.bids[] { id,
 *   bidder_id, project_id, amount, period (days), description, submitdate, award_status }
 * - award: `PUT {api}/projects/0.1/bids/{bid id}/?action=award` (form-encoded, no body)
 * Auth: the `Freelancer-OAuth-V1` header (an OAuth access token or a personal access token).
 * Errors: { status: "error", message, error_code }; 429 when over the rate limit.
 */
import { AppError } from '../../platform/errors.ts';
import type { PostContent } from '../post.ts';
import { renderPost } from '../render.ts';
import type { ApiConnector, BidTerms, NormalizedBid, Posted } from './connector.ts';
import { type Call, callJson, type HttpDeps } from './http.ts';
import { moneyOf } from './money-text.ts';

export interface FreelancerSettings {
  /** Freelancer.com's id of the project currency (1 is USD on their currency list). */
  currencyId: number;
  /** Freelancer.com's job (skill) ids the project is listed under: at least one. */
  jobIds: number[];
  /** Hours a week asked of an hourly project. */
  hoursPerWeek?: number;
}

export interface FreelancerTarget {
  /** The API root: https://www.freelancer.com/api (a local server in the contract tests). */
  api: string;
  /** Where listings are shown: https://www.freelancer.com. */
  site: string;
  token: string;
  settings: FreelancerSettings;
}

const BIDS_PAGE = 100;

export function freelancerConnector(target: FreelancerTarget, deps: HttpDeps): ApiConnector {
  const headers = (json: boolean): Record<string, string> => ({
    'Freelancer-OAuth-V1': target.token,
    Accept: 'application/json',
    ...(json
      ? { 'Content-Type': 'application/json' }
      : { 'Content-Type': 'application/x-www-form-urlencoded' }),
  });
  const api = target.api.replace(/\/+$/, '');
  const result = (json: unknown, what: string): Record<string, unknown> => {
    const o = json as { status?: unknown; result?: unknown } | null;
    if (o?.status !== 'success' || !o.result || typeof o.result !== 'object') {
      throw new AppError('MARKETPLACE_REJECTED', `${what}: the answer is not a success`, {
        answer: o && typeof o === 'object' ? { status: o.status } : null,
      });
    }
    return o.result as Record<string, unknown>;
  };

  return {
    marketplace: 'freelancer',
    capabilities: { render: true, post: true, readBids: true, award: true, pay: false },

    async post(content: PostContent, signal: AbortSignal): Promise<Posted> {
      if (target.settings.jobIds.length === 0) {
        throw new AppError(
          'MARKETPLACE_NOT_CONFIGURED',
          'Freelancer.com needs at least one job (skill) id in the connection settings',
        );
      }
      const r = renderPost(content, 'freelancer');
      const hourly = r.fields.budgetType === 'hourly';
      const body: Record<string, unknown> = {
        title: r.fields.title,
        description: r.fields.description,
        currency: { id: target.settings.currencyId },
        budget: { minimum: Number(r.fields.budgetMin), maximum: Number(r.fields.budgetMax) },
        jobs: target.settings.jobIds.map((id) => ({ id })),
      };
      if (hourly) {
        body.type = 'HOURLY';
        body.hourly_project_info = {
          commitment: { hours: target.settings.hoursPerWeek ?? 10, interval: 'week' },
          duration_enum: 'unspecified',
        };
      }
      const call: Call = {
        method: 'POST',
        url: `${api}/projects/0.1/projects/`,
        headers: headers(true),
        body: JSON.stringify(body),
        what: 'Freelancer.com: post the project',
      };
      const res = result((await callJson(deps, call, signal)).json, call.what);
      const id = res.id;
      if (typeof id !== 'number' && typeof id !== 'string') {
        throw new AppError('MARKETPLACE_REJECTED', `${call.what}: the answer has no project id`);
      }
      const seo = typeof res.seo_url === 'string' && res.seo_url ? res.seo_url : String(id);
      return { externalId: String(id), url: `${target.site.replace(/\/+$/, '')}/projects/${seo}` };
    },

    async readBids(projectId: string, terms: BidTerms, signal: AbortSignal): Promise<NormalizedBid[]> {
      const out: NormalizedBid[] = [];
      for (let offset = 0; ; offset += BIDS_PAGE) {
        const q = new URLSearchParams({
          'projects[]': projectId,
          limit: String(BIDS_PAGE),
          offset: String(offset),
        });
        const call: Call = {
          method: 'GET',
          url: `${api}/projects/0.1/bids/?${q.toString()}`,
          headers: headers(true),
          what: 'Freelancer.com: read the bids',
        };
        const res = result((await callJson(deps, call, signal)).json, call.what);
        const bids = Array.isArray(res.bids) ? (res.bids as Record<string, unknown>[]) : [];
        for (const b of bids) {
          if (b.id === undefined || b.bidder_id === undefined || b.amount === undefined) continue;
          const period = typeof b.period === 'number' ? b.period : null;
          const submitted = typeof b.submitdate === 'number' ? b.submitdate : null;
          out.push({
            marketplace: 'freelancer',
            externalId: String(b.id),
            bidder: { externalId: String(b.bidder_id), name: null, profileUrl: null },
            amount: moneyOf(b.amount as number | string, terms.currency),
            kind: terms.kind,
            turnaroundHours: period === null ? null : period * 24,
            message: typeof b.description === 'string' ? b.description : '',
            submittedAt: submitted === null ? null : new Date(submitted * 1000).toISOString(),
            status:
              b.retracted === true
                ? 'retracted'
                : typeof b.award_status === 'string'
                  ? b.award_status
                  : 'open',
          });
        }
        if (bids.length < BIDS_PAGE) return out;
      }
    },

    async award(_projectId: string, bidId: string, signal: AbortSignal): Promise<void> {
      const call: Call = {
        method: 'PUT',
        url: `${api}/projects/0.1/bids/${encodeURIComponent(bidId)}/?action=award`,
        headers: headers(false),
        what: 'Freelancer.com: award the bid',
      };
      const answer = (await callJson(deps, call, signal)).json as { status?: unknown } | null;
      if (answer?.status !== 'success') {
        throw new AppError('MARKETPLACE_REJECTED', `${call.what}: the answer is not a success`);
      }
    },
  };
}
