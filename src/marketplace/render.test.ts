import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aDeckPost } from '../../test/factories/index.ts';
import { AppError } from '../platform/errors.ts';
import { MARKETPLACE_SPECS, MARKETPLACES } from './limits.ts';
import { parseListingUrl } from './listing.ts';
import { EXPERIENCE_LEVELS, type PostContent, PRICING_KINDS } from './post.ts';
import { renderPost } from './render.ts';
import { charLength, splitsWord } from './shorten.ts';

const sentence = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z]{1,16}$/), fc.constantFrom('—', 'über', 'naïve', '🙂')), {
    minLength: 1,
    maxLength: 900,
  })
  .map((w) => w.join(' '));
const item = fc
  .array(fc.stringMatching(/^[A-Za-z]{1,12}$/), { minLength: 1, maxLength: 30 })
  .map((w) => w.join(' '));
const content: fc.Arbitrary<PostContent> = fc.record({
  title: sentence,
  summary: sentence,
  deliverables: fc.array(item, { maxLength: 8 }),
  acceptanceCriteria: fc.array(item, { maxLength: 8 }),
  pricing: fc.record({
    kind: fc.constantFrom(...PRICING_KINDS),
    amount: fc.record({
      amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constantFrom('USD', 'EUR'),
    }),
    unit: fc.constantFrom('slide', 'page', 'hour'),
  }),
  turnaroundHours: fc.integer({ min: 1, max: 2000 }),
  volume: fc.record({
    ordersPerYear: fc.integer({ min: 0, max: 400 }),
    unitsPerOrder: fc.integer({ min: 0, max: 500 }),
  }),
  skills: fc.array(item, { maxLength: 15 }),
  screeningQuestions: fc.array(sentence, { maxLength: 8 }),
  ndaRequired: fc.boolean(),
  experienceLevel: fc.constantFrom(...EXPERIENCE_LEVELS),
  category: fc.oneof(fc.constant(''), item),
});

describe('renderPost (property): every marketplace, every field within its limit', () => {
  it('no text field over its limit, no list over its count or item length, no word cut', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(...MARKETPLACES), (c, m) => {
        const r = renderPost(c, m);
        for (const [name, spec] of Object.entries(MARKETPLACE_SPECS[m].fields)) {
          const v = r.fields[name];
          if (v === undefined) continue;
          if (spec.kind === 'text') {
            expect(typeof v).toBe('string');
            expect(charLength(v as string)).toBeLessThanOrEqual(spec.max);
          }
          if (spec.kind === 'list') {
            expect((v as string[]).length).toBeLessThanOrEqual(spec.maxItems);
            for (const s of v as string[]) expect(charLength(s)).toBeLessThanOrEqual(spec.maxItemChars);
          }
        }
        // Shortened titles end at a word boundary of the original.
        const title = (r.fields.title ?? r.fields.subject) as string;
        if (title.endsWith('…')) {
          const kept = title.slice(0, -1);
          const whole = m === 'generic' ? `${c.title}${c.ndaRequired ? ' (NDA)' : ''}` : c.title;
          expect(whole.startsWith(kept)).toBe(true);
          expect(splitsWord(kept, whole.slice(kept.length))).toBe(false);
        }
        // A shortened field is always said.
        for (const [name, v] of Object.entries(r.fields)) {
          if (typeof v === 'string' && v.endsWith('…')) {
            expect(r.warnings.some((w) => w.field === name)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('renderPost (examples)', () => {
  it('Upwork: per-slide price becomes one order’s fixed budget, with a warning; questions in their own field', () => {
    const r = renderPost(aDeckPost(), 'upwork');
    expect(r.fields).toMatchObject({
      title: 'Deck designer: Summary deck from interview notes',
      budgetType: 'fixed',
      budget: '440.00',
      experienceLevel: 'intermediate',
      skills: ['PowerPoint', 'Presentation design'],
      screeningQuestions: ['How many decks like these have you delivered?'],
      duration: 'More than 6 months (ongoing)',
    });
    expect(r.fields.description).toContain('Price: $11.00 per slide (40 slides an order: $440.00).');
    expect(r.fields.description).toContain('Turnaround: within 24 hours of receiving the material.');
    expect(r.fields.description).toContain('non-disclosure agreement');
    expect(r.fields.description).not.toContain('Please answer in your proposal');
    expect(r.warnings.map((w) => w.code)).toEqual(['PRICE_CONVERTED', 'CHOOSE_ON_SITE']);
  });

  it('Freelancer.com: budget range and currency; screening questions go in the description', () => {
    const r = renderPost(aDeckPost(), 'freelancer');
    expect(r.fields).toMatchObject({
      budgetMin: '440.00',
      budgetMax: '440.00',
      currency: 'USD',
      budgetType: 'fixed',
    });
    expect(r.fields.description).toContain('Please answer in your proposal:\n1. How many decks');
    expect(Object.keys(r.fields)).toEqual([
      'title',
      'description',
      'skills',
      'budgetType',
      'budgetMin',
      'budgetMax',
      'currency',
    ]);
  });

  it('a long title is shortened at a word with a warning naming the limit', () => {
    const r = renderPost(
      aDeckPost({ title: `Deck designer ${'for interview summaries '.repeat(5)}` }),
      'peopleperhour',
    );
    expect(r.fields.title).toBe('Deck designer for interview summaries for interview summaries for…');
    expect(r.warnings.find((w) => w.field === 'title')).toMatchObject({ code: 'SHORTENED' });
    expect(r.warnings.find((w) => w.field === 'title')?.message).toMatch(/limit is 70/);
  });

  it('Freelancer.com: too many skills keeps the first five and names the rest', () => {
    const r = renderPost(aDeckPost({ skills: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'] }), 'freelancer');
    expect(r.fields.skills).toEqual(['a1', 'b2', 'c3', 'd4', 'e5']);
    expect(r.warnings.find((w) => w.code === 'ITEMS_DROPPED')?.message).toContain('"f6", "g7"');
  });

  it('generic: a subject and a body with the per-unit price as it is (no conversion)', () => {
    const r = renderPost(aDeckPost(), 'generic');
    expect(r.fields.subject).toBe('Deck designer: Summary deck from interview notes (NDA)');
    expect(r.fields.body).toContain('Please answer in your proposal');
    expect(r.warnings).toEqual([]);
    expect(r.postingUrl).toBeNull();
  });

  it('hourly pricing is an hourly budget', () => {
    const r = renderPost(
      aDeckPost({
        pricing: { kind: 'hourly', amount: { amountMinor: 3500, currency: 'USD' }, unit: 'hour' },
      }),
      'upwork',
    );
    expect(r.fields).toMatchObject({ budgetType: 'hourly', budget: '35.00' });
  });
});

describe('parseListingUrl', () => {
  it.each([
    ['upwork', 'https://www.upwork.com/jobs/~01a2b3c4d5e6f7a8b9', '~01a2b3c4d5e6f7a8b9'],
    [
      'upwork',
      'https://www.upwork.com/jobs/Deck-designer_~0123456789abcdef/?referrer=x#top',
      '~0123456789abcdef',
    ],
    [
      'freelancer',
      'https://www.freelancer.com/projects/powerpoint/deck-designer-summary-deck-39123456',
      '39123456',
    ],
    [
      'freelancer',
      'https://www.freelancer.com/projects/powerpoint/deck-designer',
      'powerpoint/deck-designer',
    ],
    ['peopleperhour', 'https://www.peopleperhour.com/freelance-jobs/design/deck-designer-4123456', '4123456'],
    ['truelancer', 'https://www.truelancer.com/freelance-project/deck-designer-312345', '312345'],
    ['generic', 'https://careers.example.com/outtask/deck', null],
  ] as const)('%s %s → %s', (m, url, id) => {
    expect(parseListingUrl(m, url).externalId).toBe(id);
  });

  it('refuses another marketplace’s address, a non-address and a listing without an id', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => parseListingUrl('upwork', 'https://www.freelancer.com/projects/x/y-39123456'))).toBe(
      'LISTING_URL_INVALID',
    );
    expect(code(() => parseListingUrl('upwork', 'not a url'))).toBe('LISTING_URL_INVALID');
    expect(code(() => parseListingUrl('upwork', 'https://www.upwork.com/nx/find-work/'))).toBe(
      'LISTING_URL_INVALID',
    );
    expect(code(() => parseListingUrl('upwork', 'javascript:alert(1)'))).toBe('LISTING_URL_INVALID');
    expect(
      code(() => parseListingUrl('freelancer', 'https://evil-freelancer.com/projects/a/b-39123456')),
    ).toBe('LISTING_URL_INVALID');
  });
});
