/**
 * Each marketplace's own fields and their limits, as data (the renderers read them; a limit changes
 * here only). Pure.
 *
 * Where a limit comes from: the connectors' request shapes follow the marketplaces' documented API
 * contracts (Freelancer.com's projects API as its official SDK sends it; Upwork's GraphQL
 * `JobPostingCreateRequest`). The character limits of the posting forms are not in any documentation
 * that could be consulted from here: each says so in `source`, and the value chosen is a conservative
 * one (a shorter text posts everywhere; a longer one may be refused). Verify against the live form
 * and change the number here.
 */

export const MARKETPLACES = ['upwork', 'freelancer', 'peopleperhour', 'truelancer', 'generic'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

export const MARKETPLACE_LABELS: Record<Marketplace, string> = {
  upwork: 'Upwork',
  freelancer: 'Freelancer.com',
  peopleperhour: 'PeoplePerHour',
  truelancer: 'Truelancer',
  generic: 'Email or your own site',
};

export interface TextLimit {
  kind: 'text';
  label: string;
  max: number;
  /** Fewer characters are refused by the marketplace (Freelancer.com's minimums). */
  min?: number;
  /** Shorten at a paragraph or sentence when possible (long texts). */
  long?: boolean;
  source: string;
}

export interface ListLimit {
  kind: 'list';
  label: string;
  maxItems: number;
  maxItemChars: number;
  source: string;
}

export interface ValueField {
  kind: 'value';
  label: string;
  source: string;
}

export type FieldSpec = TextLimit | ListLimit | ValueField;

export interface MarketplaceSpec {
  marketplace: Marketplace;
  label: string;
  /** Where a person posts by hand; null for the generic post. */
  postingUrl: string | null;
  /** The marketplace takes a price per unit as such (none of them does: it becomes a fixed price). */
  perUnitPricing: boolean;
  /** Screening questions have a field of their own; otherwise they go at the end of the description. */
  screeningField: boolean;
  fields: Record<string, FieldSpec>;
}

const UNVERIFIED = 'not found in the documentation searchable from here; conservative value';

export const MARKETPLACE_SPECS: Record<Marketplace, MarketplaceSpec> = {
  upwork: {
    marketplace: 'upwork',
    label: 'Upwork',
    postingUrl: 'https://www.upwork.com/nx/job-post/',
    perUnitPricing: false,
    screeningField: true,
    fields: {
      title: { kind: 'text', label: 'Title', max: 100, source: `jobPostingInfo.title; limit ${UNVERIFIED}` },
      description: {
        kind: 'text',
        label: 'Description',
        max: 5000,
        long: true,
        source: `jobPostingInfo.description; limit ${UNVERIFIED}`,
      },
      category: {
        kind: 'value',
        label: 'Category',
        source: 'jobPostingInfo.categoryId (chosen from Upwork’s list)',
      },
      skills: {
        kind: 'list',
        label: 'Skills',
        maxItems: 10,
        maxItemChars: 50,
        source: `sandsJobPost.skills; limit ${UNVERIFIED}`,
      },
      budgetType: { kind: 'value', label: 'Budget type', source: 'jobPostingInfo.type: FIXED or HOURLY' },
      budget: {
        kind: 'value',
        label: 'Budget',
        source: 'jobPostingInfo.amount (fixed) or hourlyBudgetMin/Max, decimal strings',
      },
      duration: {
        kind: 'value',
        label: 'Duration',
        source: 'jobPostingInfo.durationId (chosen from Upwork’s list)',
      },
      experienceLevel: {
        kind: 'value',
        label: 'Experience level',
        source: 'jobPostingInfo.experienceLevel: ENTRY_LEVEL, INTERMEDIATE or EXPERT',
      },
      screeningQuestions: {
        kind: 'list',
        label: 'Screening questions',
        maxItems: 5,
        maxItemChars: 250,
        source: `questions[].question; limit ${UNVERIFIED}`,
      },
    },
  },
  freelancer: {
    marketplace: 'freelancer',
    label: 'Freelancer.com',
    postingUrl: 'https://www.freelancer.com/post-project',
    perUnitPricing: false,
    screeningField: false,
    fields: {
      title: {
        kind: 'text',
        label: 'Project title',
        min: 10,
        max: 100,
        source: `POST /projects/0.1/projects/ title; limits ${UNVERIFIED}`,
      },
      description: {
        kind: 'text',
        label: 'Description',
        min: 30,
        max: 4000,
        long: true,
        source: `description; limits ${UNVERIFIED}`,
      },
      skills: {
        kind: 'list',
        label: 'Skills (jobs)',
        maxItems: 5,
        maxItemChars: 50,
        source: `jobs[] (ids from Freelancer.com’s job list); limit ${UNVERIFIED}`,
      },
      budgetType: {
        kind: 'value',
        label: 'Project type',
        source: 'type: FIXED, or HOURLY with hourly_project_info',
      },
      budgetMin: { kind: 'value', label: 'Budget minimum', source: 'budget.minimum' },
      budgetMax: { kind: 'value', label: 'Budget maximum', source: 'budget.maximum' },
      currency: { kind: 'value', label: 'Currency', source: 'currency (Freelancer.com’s currency id)' },
    },
  },
  peopleperhour: {
    marketplace: 'peopleperhour',
    label: 'PeoplePerHour',
    postingUrl: 'https://www.peopleperhour.com/new-project',
    perUnitPricing: false,
    screeningField: false,
    fields: {
      title: { kind: 'text', label: 'Project title', max: 70, source: `posting form; limit ${UNVERIFIED}` },
      description: {
        kind: 'text',
        label: 'Description',
        max: 3000,
        long: true,
        source: `posting form; limit ${UNVERIFIED}`,
      },
      skills: {
        kind: 'list',
        label: 'Skills',
        maxItems: 5,
        maxItemChars: 40,
        source: `posting form; limit ${UNVERIFIED}`,
      },
      budgetType: { kind: 'value', label: 'Budget type', source: 'posting form: fixed price or hourly' },
      budget: { kind: 'value', label: 'Budget', source: 'posting form' },
      currency: { kind: 'value', label: 'Currency', source: 'posting form' },
    },
  },
  truelancer: {
    marketplace: 'truelancer',
    label: 'Truelancer',
    postingUrl: 'https://www.truelancer.com/post-project',
    perUnitPricing: false,
    screeningField: false,
    fields: {
      title: { kind: 'text', label: 'Project title', max: 80, source: `posting form; limit ${UNVERIFIED}` },
      description: {
        kind: 'text',
        label: 'Description',
        max: 3000,
        long: true,
        source: `posting form; limit ${UNVERIFIED}`,
      },
      skills: {
        kind: 'list',
        label: 'Skills',
        maxItems: 5,
        maxItemChars: 40,
        source: `posting form; limit ${UNVERIFIED}`,
      },
      budget: { kind: 'value', label: 'Budget', source: 'posting form' },
      currency: { kind: 'value', label: 'Currency', source: 'posting form' },
    },
  },
  generic: {
    marketplace: 'generic',
    label: 'Email or your own site',
    postingUrl: null,
    perUnitPricing: true,
    screeningField: false,
    fields: {
      subject: {
        kind: 'text',
        label: 'Subject',
        max: 78,
        source: 'RFC 5322 §2.1.1: a line should be at most 78 characters',
      },
      body: { kind: 'text', label: 'Body', max: 20000, long: true, source: 'no limit; kept readable' },
    },
  },
};
