/**
 * Regression tests for defects a founder saw in a real deck: discourse filler as themes, labels
 * taken from small talk, theme counts contradicting the split, templated summaries and weak
 * keywords, stock phrases at scale, cross-cutting themes made of filler.
 */
import { describe, expect, it } from 'vitest';
import {
  aiAdoption,
  clientOnboarding,
  executiveInterview,
  generateCorpus,
  hospitalDischarge,
  scoreInsights,
} from '../../../bench/corpus/index.ts';
import { loadWordVectors } from '../embeddings/index.ts';
import { STOPWORDS } from '../text/index.ts';
import type { Insights, InterviewForm, Transcript, Turn } from '../types.ts';
import { type Sentence, sentencesOf, Vocabulary } from './corpus.ts';
import { labelOf, type SentenceRef } from './describe.ts';
import { binomialTail, chanceOfEmpty, findDiscourse } from './discourse.ts';
import { alignTranscripts, analyzeInterviews } from './index.ts';
import { prepare } from './prepare.ts';
import { centroid } from './space.ts';
import { sentenceStance } from './stance.ts';
import { isFullClause, quantifier, reportedSummary, shiftPerson } from './summary.ts';

const wordVectors = loadWordVectors();

/** Every piece of text a reader of the deck sees for themes and cross-cutting themes. */
function visibleText(insights: Insights): string[] {
  return [
    ...insights.questions.flatMap((q) =>
      q.themes.flatMap((t) => [t.label, t.summary, ...t.quotes.map((x) => x.text)]),
    ),
    ...insights.crossCutting.flatMap((c) => [c.label, c.summary, ...c.quotes.map((x) => x.text)]),
  ];
}

// ── a small corpus with filler habits of its own ──────────────────────────────────────────────

const form: InterviewForm = {
  title: 'Warehouse operations review',
  questions: [
    { id: 'pain', text: 'What slows the warehouse down the most?' },
    { id: 'tools', text: 'Which tools would help your shift?' },
    { id: 'safety', text: 'How safe does the floor feel?' },
    { id: 'training', text: 'What training do new pickers need?' },
  ],
};
const THEMES: Record<string, string[][]> = {
  pain: [
    [
      'The scanners drop their connection in aisle nine.',
      'Our handheld scanners lose wifi all the time.',
      'Scanners disconnect whenever we reach the back aisles.',
      'The scanner network keeps dropping out.',
    ],
    [
      'Pallets arrive without labels from the supplier.',
      'Half the inbound pallets come unlabelled.',
      'We relabel supplier pallets by hand every morning.',
      'Missing pallet labels hold up receiving.',
    ],
  ],
  tools: [
    [
      'A dashboard of open orders per zone would help.',
      'I want a live dashboard showing orders by zone.',
      'Seeing open orders on a zone dashboard would save us walking.',
      'A zone dashboard with the order queue.',
    ],
    [
      'Voice picking headsets instead of paper lists.',
      'Headsets for voice picking would free our hands.',
      'Give pickers voice headsets, not paper pick lists.',
      'Voice-directed picking with headsets.',
    ],
  ],
  safety: [
    [
      'Forklifts speed through the pedestrian lanes.',
      'The forklift drivers go too fast near walkways.',
      'Forklift speed in the walkways scares people.',
      'Pedestrian lanes are not respected by forklifts.',
    ],
    [
      'The racking on the top levels is overloaded.',
      'Overloaded top racks worry me.',
      'Top-level racking carries more weight than it should.',
      'Racks up high are overloaded and bowing.',
    ],
  ],
  training: [
    [
      'New pickers need a buddy for their first week.',
      'Pair every new picker with a buddy on the floor.',
      'A buddy system for the first shifts works best.',
      'Shadowing an experienced buddy for a week.',
    ],
    [
      'They need to learn the scanner menus properly.',
      'Proper training on the scanner software.',
      'Teach the scanner menus before the first shift.',
      'Scanner software training on day one.',
    ],
  ],
};
// Filler habits: said by many people, under every question.
const FILLER = [
  'Let me think about that for a second.',
  "It's hard to pick just one thing.",
  'Good question, honestly.',
];
const SMALL_TALK = 'The canteen food got much better after the new contract.';

function warehouseCorpus(people = 14): Transcript[] {
  return Array.from({ length: people }, (_, p) => {
    const lines: [string, string][] = [
      ['Kim', `Thanks for joining, person ${p}. How was the drive in?`],
      [`P${p}`, p % 3 === 0 ? SMALL_TALK : 'Fine, thanks.'],
    ];
    form.questions.forEach((q, qi) => {
      lines.push(['Kim', q.text]);
      const said: string[] = [];
      if ((p + qi) % 3 !== 2) said.push(FILLER[(p + qi) % FILLER.length]!);
      const themes = THEMES[q.id]!;
      said.push(themes[(p + qi) % 2]![p % 4]!);
      if (p % 2 === 0) said.push(themes[(p + qi + 1) % 2]![(p + 1) % 4]!);
      lines.push([`P${p}`, said.join(' ')]);
    });
    const turns: Turn[] = lines.map(([speaker, text], i) => ({
      speaker,
      start: i * 20,
      end: i * 20 + 15,
      text,
    }));
    return { id: `w${p}`, file: `w${p}.txt`, format: 'text-colon', speakers: ['Kim', `P${p}`], turns };
  });
}

describe('discourse filler never becomes a theme', () => {
  const transcripts = warehouseCorpus();
  const insights = analyzeInterviews(transcripts, form, { wordVectors });

  it('keeps stock phrases said under every question out of labels, summaries, quotes and cross-cutting themes', () => {
    const seen = visibleText(insights).join('\n').toLowerCase();
    for (const f of FILLER) expect(seen).not.toContain(f.toLowerCase().replace(/[.,]/g, '').slice(0, 20));
    expect(seen).not.toMatch(/think about that|pick just one|good question/);
    // The topics are still found.
    const pain = insights.questions.find((q) => q.id === 'pain')!;
    expect(pain.themes.some((t) => t.keywords.some((k) => /^(scanner|pallet)/.test(k)))).toBe(true);
  });

  it('flags the stock phrases but not a point some people repeat under two of the questions', () => {
    const vocab = new Vocabulary();
    const cross = 'Our data is a mess, nobody trusts it.';
    const ts = warehouseCorpus().map((t, p) => ({
      ...t,
      // The same complaint, word for word, under "pain" and "tools" for half the people.
      turns: t.turns.map((turn, k) =>
        p % 2 === 0 && (k === 3 || k === 5) ? { ...turn, text: `${turn.text} ${cross}` } : turn,
      ),
    }));
    const sentences = sentencesOf(ts, vocab);
    for (const doc of sentences) for (const s of doc) vocab.addDocument(s.terms);
    const aligned = alignTranscripts(ts, form, { wordVectors });
    const alignments = aligned.map((a) => ({
      interviewer: a.interviewer,
      interviewee: a.interviewee,
      roles: a.sentences.map((s) => s.role),
      question: a.sentences.map((s) =>
        s.question === null ? -1 : form.questions.findIndex((q) => q.id === s.question),
      ),
      anchors: [],
    }));
    const answers: number[][][] = form.questions.map((_, q) =>
      alignments.map((a) =>
        a.question.flatMap((x, s) => (x === q && a.roles[s] === 'interviewee' ? [s] : [])),
      ),
    );
    const d = findDiscourse(sentences, answers, alignments);
    const flagged = (text: string) =>
      sentences.flatMap((doc, i) =>
        doc.flatMap((s: Sentence, k) => (s.text === text ? [d.sentences[i]!.has(k)] : [])),
      );
    expect(flagged(FILLER[0]!).length).toBeGreaterThan(4);
    expect(flagged(FILLER[0]!).every(Boolean)).toBe(true);
    expect(flagged(cross).length).toBeGreaterThan(4);
    expect(flagged(cross).some(Boolean)).toBe(false);
  });

  it('learns openers from the collection and leaves them out of labels', () => {
    const withOpener = warehouseCorpus().map((t, p) => ({
      ...t,
      turns: t.turns.map((turn, k) =>
        k >= 3 && k % 2 === 1 && p % 2 === 1
          ? { ...turn, text: `From where I sit, ${turn.text.charAt(0).toLowerCase()}${turn.text.slice(1)}` }
          : turn,
      ),
    }));
    const result = analyzeInterviews(withOpener, form, { wordVectors });
    for (const q of result.questions)
      for (const t of q.themes) expect(t.label).not.toMatch(/^from where i sit/i);
    for (const q of result.questions) for (const t of q.themes) expect(t.keywords).not.toContain('sit');
  });
});

describe('labels come from the theme’s own content', () => {
  it('the most central content clause, even a long one, not a short remark that joined the theme', () => {
    const said = [
      'The main thing is that people need training on how to get useful results out of the tools.',
      'I think people need proper training on how to get useful results out of these tools.',
      'Honestly, our people need training on how to get really useful results out of the tools.',
      'People need hands-on training on how to get useful results out of the new tools.',
      'For us, people need training in how to get useful results out of the AI tools.',
    ];
    const ts: Transcript[] = said.map((text, i) => ({
      id: `s${i}`,
      file: `s${i}.txt`,
      format: 'text-colon',
      speakers: ['Kim', `P${i}`],
      turns: [
        { speaker: 'Kim', start: 0, end: 5, text: 'What training do new pickers need?' },
        { speaker: `P${i}`, start: 6, end: 20, text: i === 0 ? `${text} ${SMALL_TALK}` : text },
      ],
    }));
    const p = prepare(ts, form, { wordVectors });
    const members: SentenceRef[] = p.sentences.flatMap((doc, i) =>
      doc.flatMap((s, k) => (s.speaker === 'Kim' ? [] : [[i, k] as const])),
    );
    const theme = members.filter(([i, k]) => !p.sentences[i]![k]!.text.includes('canteen'));
    const centre = centroid(
      p.space.encode(
        theme.map(([i, k]) => p.sentences[i]![k]!.terms),
        { fit: false },
      ),
      p.space.dims,
    );
    const ctx = { sentences: p.sentences, interviewIds: ts.map((t) => t.id), vocab: p.vocab, space: p.space };
    const label = labelOf(members, centre, [], ctx);
    expect(label).toMatch(/training/);
    expect(label).not.toMatch(/canteen/i);
  });

  it('small talk said next to the answers is no label', () => {
    const insights = analyzeInterviews(warehouseCorpus(), form, { wordVectors });
    for (const q of insights.questions) {
      for (const t of q.themes) {
        expect(t.label.toLowerCase()).not.toContain('canteen');
        // The label says something the theme's keywords are about.
        expect(t.keywords.some((k) => t.label.toLowerCase().includes(k.slice(0, 5)))).toBe(true);
      }
    }
  });
});

describe('labels read as statements', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding, executiveInterview]) {
    it(`${spec.name}: no label opens with the "that" of a cut-off "the reality is that…"`, () => {
      const corpus = generateCorpus(spec);
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
      const labels = insights.questions.flatMap((q) => q.themes.map((t) => t.label));
      expect(labels.length).toBeGreaterThan(8);
      for (const label of labels) expect(label).not.toMatch(/^That (the|we|our|they|it|there|people)\b/);
    });
  }
});

describe('theme quotes', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding, executiveInterview]) {
    it(`${spec.name}: never the same words twice behind different openers`, () => {
      const corpus = generateCorpus(spec, { seed: spec.seed + 1 });
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
      const themes = insights.questions.flatMap((q) => q.themes);
      expect(themes.filter((t) => t.quotes.length > 1).length).toBeGreaterThan(3);
      for (const t of themes) {
        const endings = t.quotes.map((q) =>
          q.text.toLowerCase().split(/\W+/).filter(Boolean).slice(-8).join(' '),
        );
        expect(new Set(endings).size).toBe(endings.length);
      }
    });
  }
});

describe('split quotes', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding, executiveInterview]) {
    it(`${spec.name}: each side quotes its point in different words, never an aside that holds a stance word`, () => {
      const corpus = generateCorpus(spec, { seed: spec.seed + 1 });
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
      expect(insights.splits.length).toBeGreaterThan(0);
      const asides = spec.idiosyncratic.map((r) => r.toLowerCase().replace(/[^a-z ]/g, ''));
      for (const side of insights.splits.flatMap((x) => x.sides)) {
        expect(side.quotes.length).toBeGreaterThan(0);
        const endings = side.quotes.map((q) =>
          q.text.toLowerCase().split(/\W+/).filter(Boolean).slice(-8).join(' '),
        );
        expect(new Set(endings).size).toBe(endings.length);
        for (const q of side.quotes) {
          const text = q.text.toLowerCase().replace(/[^a-z ]/g, '');
          for (const aside of asides) expect(text).not.toContain(aside);
        }
      }
    });
  }
});

describe('themes of a split question agree with the split', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding]) {
    it(`${spec.name}: a theme stating a side counts only that side`, () => {
      const corpus = generateCorpus(spec);
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
      expect(insights.splits.length).toBeGreaterThan(0);
      for (const split of insights.splits) {
        const q = insights.questions.find((x) => x.id === split.question)!;
        const [ahead, back] = split.sides.map((s) => new Set(s.interviews));
        let sideThemes = 0;
        for (const t of q.themes) {
          const stance = sentenceStance(t.label);
          if (stance === 0) continue;
          sideThemes++;
          const side = stance > 0 ? ahead! : back!;
          for (const i of t.interviews) expect(side.has(i)).toBe(true);
        }
        expect(sideThemes).toBeGreaterThan(0);
        // No theme claims more people than the larger side when it is about the split at all.
        const largest = Math.max(ahead!.size, back!.size);
        expect(q.themes[0]!.interviews.length).toBeLessThanOrEqual(
          Math.max(largest, q.answered.length - largest),
        );
      }
    });
  }
});

describe('summaries and keywords', () => {
  const LIGHT = ['should', 'now', 'get', 'see', 'let', 'not', 'need', 'think', 'thing', 'really', 'lot'];
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding, executiveInterview]) {
    it(`${spec.name}: summaries report what was said; keywords are content words`, () => {
      const corpus = generateCorpus(spec);
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
      const summaries = insights.questions.flatMap((q) => q.themes.map((t) => t.summary));
      expect(summaries.length).toBeGreaterThan(8);
      for (const q of insights.questions) {
        for (const t of q.themes) {
          expect(t.summary).not.toMatch(/made this point|the words that recur/);
          expect(t.summary).toMatch(
            /^(All|Most|Many|Several|A few) interviewees (said|mentioned|wanted|asked)/,
          );
          expect(t.summary).not.toMatch(/\b\d+ of \d+\b/);
          expect(t.summary).toMatch(/\.$/);
          // Faithful: the content words of the summary were said by the theme's interviewees.
          const said = corpus.transcripts
            .filter((x) => t.interviews.includes(x.id))
            .flatMap((x) => x.turns.map((turn) => turn.text.toLowerCase()))
            .join(' ');
          const content = t.summary
            .toLowerCase()
            .replace(/^(all|most|many|several|a few) interviewees /, '')
            .match(/[a-z][a-z'-]{4,}/g)!
            .filter(
              (w) =>
                ![
                  'mentioned',
                  'wanted',
                  'their',
                  'theirs',
                  'they',
                  "they're",
                  "they've",
                  "they'd",
                  "they'll",
                  'them',
                  'themselves',
                  'should',
                  'asked',
                  'well',
                ].includes(w),
            );
          for (const w of content) expect(said).toContain(w);
          for (const k of t.keywords) {
            expect(STOPWORDS.has(k)).toBe(false);
            expect(LIGHT).not.toContain(k);
          }
          expect(new Set(t.quotes.map((x) => x.text.toLowerCase())).size).toBe(t.quotes.length);
        }
      }
    });
  }
});

describe('summary wording', () => {
  it('reports clauses, advice and phrases in the third person without inventing words', () => {
    expect(reportedSummary('Most interviewees', ['we still build the weekly reports by hand'])).toBe(
      'Most interviewees said that they still build the weekly reports by hand.',
    );
    expect(reportedSummary('Many interviewees', ['start with internal work'])).toBe(
      'Many interviewees said that they should start with internal work.',
    );
    expect(
      reportedSummary('A few interviewees', ['higher client satisfaction scores', 'happier clients']),
    ).toBe('A few interviewees mentioned higher client satisfaction scores, as well as happier clients.');
    expect(shiftPerson('I am sure our data is why my team waits for us')).toBe(
      'they are sure their data is why their team waits for them',
    );
    expect(isFullClause('knowing when an answer is wrong')).toBe(false);
    expect(isFullClause('the ability to spot what doesn’t make sense')).toBe(false);
    expect(isFullClause('if we get a day a week back, that’s success')).toBe(true);
    expect(quantifier(21, 24)).toBe('Most interviewees');
    expect(quantifier(8, 24)).toBe('Many interviewees');
    expect(quantifier(3, 24)).toBe('A few interviewees');
  });
});

describe('stock phrases at scale', () => {
  it('long interviews full of stock phrases and asides give themes of content only', () => {
    const corpus = generateCorpus(aiAdoption, { interviews: 16, targetWords: 2500, seed: 5 });
    const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
    const stock = [...aiAdoption.generic, ...aiAdoption.idiosyncratic].map((s) =>
      s.toLowerCase().replace(/\.$/, ''),
    );
    for (const text of visibleText(insights)) {
      const t = text.toLowerCase().replace(/\.$/, '');
      for (const s of stock) expect(t).not.toBe(s);
    }
    for (const q of insights.questions) expect(q.themes.length).toBeGreaterThan(0);
  });
});

describe('cross-cutting themes', () => {
  it('finds the point that recurs across questions, and no filler', () => {
    const corpus = generateCorpus(aiAdoption);
    const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
    const score = scoreInsights(corpus.gold, insights, []);
    expect(score.crossCutting.every((c) => c.detected)).toBe(true);
    for (const c of insights.crossCutting) {
      expect(c.label).not.toMatch(/pick just one|thought about this|good question|month to month/i);
      expect(c.summary).toMatch(/^Raised under \d questions \(/);
    }
  });
});

describe('discourse statistics', () => {
  it('computes chances of empty questions and pile-ups', () => {
    // Four questions, equal shares: one sentence leaves three empty for sure; many leave none.
    expect(chanceOfEmpty([0.25, 0.25, 0.25, 0.25], 1, 3)).toBeGreaterThan(0.5);
    expect(chanceOfEmpty([0.25, 0.25, 0.25, 0.25], 100, 1)).toBeLessThan(1e-6);
    expect(binomialTail(10, 0, 0.2)).toBe(1);
    expect(binomialTail(10, 11, 0.2)).toBe(0);
    expect(binomialTail(10, 8, 0.2)).toBeLessThan(1e-3);
    expect(binomialTail(5000, 1100, 0.2)).toBeLessThan(1e-3);
    expect(binomialTail(5000, 1000, 0.2)).toBeGreaterThan(0.4);
  });
});
