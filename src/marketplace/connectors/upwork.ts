/**
 * Upwork's GraphQL API, written to its documented contract (the schema's `createJobPosting` and
 * `clientProposals`), for a firm holding its own API key (Upwork reviews keys per account; there is
 * no sandbox):
 * - post: `mutation createJobPosting(jobPostingRequest: JobPostingCreateRequest!)` with
 *   organizationId, jobPostingInfo { title, description, type, amount | hourlyBudgetMin/Max,
 *   experienceLevel, categoryId?, durationId? }, questions [{ question }] → { id }
 * - proposals: `query clientProposals(jobPostingId, pagination { first, after })` → edges[].node
 *   { id, user { id name publicUrl }, terms { chargeRate { rawValue currency } }, coverLetter,
 *   status { status }, auditDetails { createdDateTime } }, pageInfo { endCursor hasNextPage }
 * Auth: `Authorization: Bearer <OAuth2 access token>`, the organization in `X-Upwork-API-TenantId`.
 * A GraphQL error comes back as 200 with `errors[]`. The enum spellings (FIXED_PRICE, HOURLY;
 * ENTRY_LEVEL, INTERMEDIATE, EXPERT) are as the schema's generated clients show them; check them
 * against the schema introspected with the firm's key.
 */
import { AppError } from '../../platform/errors.ts';
import type { ExperienceLevel, PostContent } from '../post.ts';
import { renderPost } from '../render.ts';
import type { ApiConnector, BidTerms, NormalizedBid, Posted } from './connector.ts';
import { callJson, type HttpDeps } from './http.ts';
import { moneyOf } from './money-text.ts';

export interface UpworkSettings {
  /** The client organization that owns the posting (its tenant id). */
  organizationId: string;
  /** Upwork's category (subcategory) id, from `ontologyCategories`; omitted: chosen on Upwork later. */
  categoryId?: string;
  durationId?: string;
}

export interface UpworkTarget {
  /** The GraphQL endpoint: https://api.upwork.com/graphql (a local server in the contract tests). */
  graphql: string;
  token: string;
  settings: UpworkSettings;
}

const LEVEL: Record<ExperienceLevel, string> = {
  entry: 'ENTRY_LEVEL',
  intermediate: 'INTERMEDIATE',
  expert: 'EXPERT',
};

export const CREATE_JOB_POSTING = `mutation CreateJobPosting($jobPostingRequest: JobPostingCreateRequest!) {
  createJobPosting(jobPostingRequest: $jobPostingRequest) { id questionsSaved skillsSaved }
}`;

export const CLIENT_PROPOSALS = `query ClientProposals($jobPostingId: String!, $pagination: Pagination) {
  clientProposals(jobPostingId: $jobPostingId, pagination: $pagination) {
    totalCount
    edges { cursor node {
      id
      user { id name publicUrl }
      terms { chargeRate { rawValue currency } }
      coverLetter
      status { status }
      auditDetails { createdDateTime }
    } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const PAGE = 50;

export function upworkConnector(target: UpworkTarget, deps: HttpDeps): ApiConnector {
  async function gql<T>(
    what: string,
    query: string,
    variables: Record<string, unknown>,
    signal: AbortSignal,
  ) {
    const answer = await callJson(
      deps,
      {
        method: 'POST',
        url: target.graphql,
        headers: {
          Authorization: `Bearer ${target.token}`,
          'X-Upwork-API-TenantId': target.settings.organizationId,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({ query, variables }),
        what,
      },
      signal,
    );
    const o = answer.json as { data?: T; errors?: { message?: string }[] } | null;
    if (!o || (o.errors && o.errors.length > 0) || !o.data) {
      throw new AppError(
        'MARKETPLACE_REJECTED',
        `${what}: ${o?.errors?.[0]?.message ?? 'no data in the answer'}`,
        {
          errors: (o?.errors ?? []).slice(0, 3).map((e) => e.message ?? ''),
        },
      );
    }
    return o.data;
  }

  return {
    marketplace: 'upwork',
    capabilities: { render: true, post: true, readBids: true, award: false, pay: false },

    async post(content: PostContent, signal: AbortSignal): Promise<Posted> {
      const r = renderPost(content, 'upwork');
      const hourly = r.fields.budgetType === 'hourly';
      const info: Record<string, unknown> = {
        title: r.fields.title,
        description: r.fields.description,
        type: hourly ? 'HOURLY' : 'FIXED_PRICE',
        experienceLevel: LEVEL[content.experienceLevel],
        ...(hourly
          ? { hourlyBudgetMin: r.fields.budget, hourlyBudgetMax: r.fields.budget }
          : { amount: r.fields.budget }),
        ...(target.settings.categoryId ? { categoryId: target.settings.categoryId } : {}),
        ...(target.settings.durationId ? { durationId: target.settings.durationId } : {}),
        tools: [],
      };
      const request = {
        organizationId: target.settings.organizationId,
        jobPostingInfo: info,
        questions: ((r.fields.screeningQuestions as string[] | undefined) ?? []).map((question) => ({
          question,
        })),
        segmentationData: [],
        attachmentIds: [],
        enterpriseCustomFields: [],
      };
      const data = await gql<{ createJobPosting?: { id?: unknown } }>(
        'Upwork: post the job',
        CREATE_JOB_POSTING,
        { jobPostingRequest: request },
        signal,
      );
      const id = data.createJobPosting?.id;
      if (typeof id !== 'string' || !id)
        throw new AppError('MARKETPLACE_REJECTED', 'Upwork: the answer has no job posting id');
      return { externalId: id, url: `https://www.upwork.com/jobs/~${id.replace(/^~/, '')}` };
    },

    async readBids(jobPostingId: string, terms: BidTerms, signal: AbortSignal): Promise<NormalizedBid[]> {
      const out: NormalizedBid[] = [];
      let after: string | undefined;
      for (;;) {
        const data = await gql<{
          clientProposals?: {
            edges?: { node?: Record<string, unknown> }[];
            pageInfo?: { endCursor?: string; hasNextPage?: boolean };
          };
        }>(
          'Upwork: read the proposals',
          CLIENT_PROPOSALS,
          { jobPostingId, pagination: { first: PAGE, ...(after ? { after } : {}) } },
          signal,
        );
        const conn = data.clientProposals;
        for (const e of conn?.edges ?? []) {
          const n = e.node as
            | {
                id?: string;
                user?: { id?: string; name?: string; publicUrl?: string };
                terms?: { chargeRate?: { rawValue?: string; currency?: string } };
                coverLetter?: string;
                status?: { status?: string };
                auditDetails?: { createdDateTime?: string };
              }
            | undefined;
          const rate = n?.terms?.chargeRate;
          if (!n?.id || !n.user?.id || !rate?.rawValue) continue;
          out.push({
            marketplace: 'upwork',
            externalId: n.id,
            bidder: {
              externalId: n.user.id,
              name: n.user.name ?? null,
              profileUrl: n.user.publicUrl ?? null,
            },
            amount: moneyOf(rate.rawValue, rate.currency ?? terms.currency),
            kind: terms.kind,
            turnaroundHours: null,
            message: n.coverLetter ?? '',
            submittedAt: n.auditDetails?.createdDateTime ?? null,
            status: n.status?.status ?? 'open',
          });
        }
        if (!conn?.pageInfo?.hasNextPage || !conn.pageInfo.endCursor) return out;
        after = conn.pageInfo.endCursor;
      }
    },

    async award(): Promise<void> {
      throw new AppError(
        'MARKETPLACE_UNSUPPORTED',
        'Upwork: hiring (an offer) is made on Upwork; record the award here after making the offer there',
      );
    },
  };
}
