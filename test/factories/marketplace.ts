/** Job posts' content for the renderers' tests. */
import type { PostContent } from '../../src/marketplace/index.ts';

/** The worked example: a deck designer, 40 slides at $11 within 24 hours, 8 decks a year. */
export function aDeckPost(over: Partial<PostContent> = {}): PostContent {
  return {
    title: 'Deck designer: Summary deck from interview notes',
    summary: 'Turn the storyline and interview notes into a 40-slide summary deck in the firm’s template.',
    deliverables: ['Deck'],
    acceptanceCriteria: ['Every slide uses the firm template', 'No client names on any slide'],
    pricing: { kind: 'per_unit', amount: { amountMinor: 1100, currency: 'USD' }, unit: 'slide' },
    turnaroundHours: 24,
    volume: { ordersPerYear: 8, unitsPerOrder: 40 },
    skills: ['PowerPoint', 'Presentation design'],
    screeningQuestions: ['How many decks like these have you delivered?'],
    ndaRequired: true,
    experienceLevel: 'intermediate',
    category: '',
    ...over,
  };
}
