import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentWords,
  countWords,
  isStopword,
  lemma,
  normalise,
  removeFillers,
  splitSentences,
  stem,
  stripMarkers,
  terms,
  truncateWords,
  words,
} from './index.ts';

describe('splitSentences', () => {
  it('does not split at abbreviations, decimals or name initials', () => {
    expect(
      splitSentences('Dr. Smith met Mr. Jones at 3 p.m. on Friday. Growth was 3.5% in 2020. Then we left.'),
    ).toEqual(['Dr. Smith met Mr. Jones at 3 p.m. on Friday.', 'Growth was 3.5% in 2020.', 'Then we left.']);
    expect(
      splitSentences('John F. Kennedy spoke. The U.S. economy grew. We moved to the U.S. Then we left.'),
    ).toEqual(['John F. Kennedy spoke.', 'The U.S. economy grew.', 'We moved to the U.S.', 'Then we left.']);
    expect(splitSentences('We listed costs, fees etc. and more. Item No. 4 failed.')).toEqual([
      'We listed costs, fees etc. and more.',
      'Item No. 4 failed.',
    ]);
  });

  it('splits at question and exclamation marks, blank lines, and keeps trailing-off ellipses inside', () => {
    expect(splitSentences('It failed... and then it worked. Really? Yes!\n\nnew block')).toEqual([
      'It failed... and then it worked.',
      'Really?',
      'Yes!',
      'new block',
    ]);
  });

  it('splits PTB-spaced transcripts ("on . So")', () => {
    expect(splitSentences("OK , we 're on . So just make sure . Check one .")).toEqual([
      "OK , we 're on .",
      'So just make sure .',
      'Check one .',
    ]);
  });

  it('cuts an unpunctuated run-on at clause openers into pieces of at most maxWords words', () => {
    const runOn =
      'so we looked at the numbers and it was clear that the costs were too high and so we decided to cut the budget ' +
      'but the team disagreed because they thought the quality would drop and we would lose clients and then we had ' +
      'a long meeting about it which went on for hours and nobody agreed on anything in the end';
    const parts = splitSentences(runOn, { maxWords: 30 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(countWords(p)).toBeLessThanOrEqual(30);
    expect(parts.join(' ').split(/\s+/)).toEqual(runOn.split(/\s+/));
    expect(parts.some((p) => /^(but|because|and so)\b/.test(p))).toBe(true);
  });

  it('keeps the punctuation where a run-on is cut (CI found "so," became "so", seed 1143888585)', () => {
    const text = 'U.S. e.g. Dr. Dr. so, Dr. e.g. e.g. Dr.';
    const parts = splitSentences(text, { maxWords: 12 });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(text);
    expect(
      splitSentences('we cut the costs, and so we decided to cut, but the team said no to it all then', {
        maxWords: 8,
      }).join(' '),
    ).toBe('we cut the costs, and so we decided to cut, but the team said no to it all then');
  });

  it('never loses or invents words, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Dr.',
            'we',
            'said',
            'no.',
            '3.5',
            'U.S.',
            'ok',
            '?',
            '!',
            '...',
            'And',
            'so,',
            '\n\n',
            'e.g.',
          ),
          {
            maxLength: 200,
          },
        ),
        (toks) => {
          const text = toks.join(' ');
          const parts = splitSentences(text, { maxWords: 12 });
          expect(parts.join(' ').split(/\s+/).map(clean).filter(Boolean)).toEqual(
            text
              .split(/\s+/)
              .filter(Boolean)
              .map(clean)
              .filter((t) => t !== ''),
          );
          for (const p of parts) expect(countWords(p)).toBeLessThanOrEqual(12);
        },
      ),
    );
  });
});

// splitting drops sentences made only of punctuation; compare words only
const clean = (t: string) => (/[\p{L}\p{N}]/u.test(t) ? t : '');

describe('words and counting', () => {
  it('keeps contractions, decimals and hyphenated words whole, lower-cased', () => {
    expect(words("We're at 3.5% of 2,000 — well-known, isn't it?")).toEqual([
      "we're",
      'at',
      '3.5',
      'of',
      '2,000',
      'well-known',
      "isn't",
      'it',
    ]);
    expect(words('don’t')).toEqual(["don't"]);
  });

  it('truncates at a word boundary and keeps the closing mark', () => {
    expect(truncateWords('One two three. Four five.', 3)).toBe('One two three.');
    expect(truncateWords('One two', 5)).toBe('One two');
    expect(truncateWords('One two', 0)).toBe('');
  });
});

describe('removeFillers', () => {
  it.each([
    ['Um, we went there.', 'We went there.'],
    ["I I think it's, you know, fine.", "I think it's fine."],
    ['So, uh, the the budget was {disfmarker} was tight.', 'So, the budget was tight.'],
    ['It was, like, five hours.', 'It was five hours.'],
    ['Like, we never did.', 'We never did.'],
    ["I mean, it's fine. I mean it.", "It's fine. I mean it."],
    ['we need to we need to act', 'we need to act'],
    ['uh-huh. Yeah.', 'Yeah.'],
  ])('cleans %j', (input, expected) => {
    expect(removeFillers(input)).toBe(expected);
  });

  it.each([
    'I like it.',
    'Do you know?',
    'you know that they left',
    'I know that that is right.',
    'What did they like about it?',
  ])('keeps the meaningful %j untouched', (input) => {
    expect(removeFillers(input)).toBe(input);
  });

  it('strips corpus markers', () => {
    expect(stripMarkers('a {disfmarker} b {vocalsound} . [laughter] c')).toBe('a b. c');
  });

  it('never adds words and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = removeFillers(s);
        expect(countWords(out)).toBeLessThanOrEqual(countWords(s));
      }),
    );
  });
});

describe('stopwords, stems, lemmas, terms', () => {
  it('keeps stance and content words out of the stopword list', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('We’re')).toBe(true);
    for (const w of ['not', 'never', 'should', 'before', 'getting', 'way', 'like'])
      expect(isStopword(w)).toBe(false);
  });

  it('Porter-stems and normalises clitics', () => {
    expect(stem('meetings')).toBe('meet');
    expect(stem('discussion')).toBe(stem('discussed'));
    expect(normalise("Budget's")).toBe('budget');
  });

  it('lemmatises common inflections', () => {
    const cases: [string, string][] = [
      ['companies', 'company'],
      ['planned', 'plan'],
      ['making', 'make'],
      ['created', 'create'],
      ['agreed', 'agree'],
      ['focused', 'focus'],
      ['opened', 'open'],
      ['was', 'be'],
      ['during', 'during'],
      ['processes', 'process'],
    ];
    for (const [w, l] of cases) expect(lemma(w)).toBe(l);
  });

  it('extracts stemmed content terms', () => {
    expect(contentWords("The team's budgets were discussed")).toEqual(['team', 'budgets', 'discussed']);
    expect(terms("What's getting in the way?")).toEqual(['get', 'wai']);
  });
});
