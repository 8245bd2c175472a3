import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charLength, ELLIPSIS, shorten, splitsWord } from './shorten.ts';

const words = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9éü]{1,14}$/),
      fc.constantFrom('—', ',', '.', '(x)', '🙂', 'naïve', 'straße', '\n\n', '  '),
    ),
    { maxLength: 60 },
  )
  .map((ws) => ws.join(' '));
const text = fc.oneof(words, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }));

describe('shorten (property)', () => {
  it('never exceeds the limit, and a text that fits comes back as it is', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 400 }), fc.boolean(), (t, max, para) => {
        const r = shorten(t, max, { prefer: para ? 'paragraph' : 'word' });
        expect(charLength(r.text)).toBeLessThanOrEqual(Math.max(max, 0));
        if (charLength(t) <= max) expect(r).toMatchObject({ text: t, shortened: false });
        else expect(r.shortened).toBe(true);
      }),
    );
  });

  it('never cuts mid-word: the kept part is a prefix of the original that ends at a word boundary', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 400 }), fc.boolean(), (t, max, para) => {
        const r = shorten(t, max, { prefer: para ? 'paragraph' : 'word' });
        if (!r.shortened || r.text === '') return;
        expect(r.text.endsWith(ELLIPSIS)).toBe(true);
        const kept = r.text.slice(0, -ELLIPSIS.length);
        expect(t.startsWith(kept)).toBe(true);
        expect(splitsWord(kept, t.slice(kept.length))).toBe(false);
        expect(kept).toBe(kept.trimEnd());
      }),
    );
  });

  it('keeps as many whole words as fit (nothing is lost that had room)', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 200 }), (t, max) => {
        const r = shorten(t, max);
        if (!r.shortened) return;
        const kept = r.text ? r.text.slice(0, -1) : '';
        // The next whole word (with what stands before it) would not have fit beside the ellipsis.
        const rest = t.slice(kept.length);
        const next = /^[^\p{L}\p{N}\p{M}_]*[\p{L}\p{N}\p{M}_]+/u.exec(rest)?.[0];
        if (next === undefined) return; // only separators were left out
        expect(charLength(kept + next) + 1).toBeGreaterThan(max);
      }),
    );
  });
});

describe('shorten (examples)', () => {
  it('cuts before the word that does not fit and adds an ellipsis', () => {
    expect(shorten('Deck designer for interview summaries', 20).text).toBe('Deck designer for…');
  });
  it('drops a dangling comma', () => {
    expect(shorten('Slides, charts, tables and notes', 16).text).toBe('Slides, charts…');
  });
  it('gives nothing rather than half a word', () => {
    expect(shorten('Supercalifragilistic', 10)).toMatchObject({ text: '', shortened: true });
  });
  it('leaves out trailing separators rather than keep them beside the ellipsis (found by the properties)', () => {
    expect(shorten('straße naïve ü — \n\n', 17).text).toBe('straße naïve ü…');
    expect(shorten('—   ', 2)).toMatchObject({ text: '', shortened: true });
  });
  it('counts an emoji as one character', () => {
    expect(shorten('🙂🙂🙂', 3)).toMatchObject({ text: '🙂🙂🙂', shortened: false });
  });
  it('prefers a paragraph break for long texts when it keeps most of the room', () => {
    const t = `${'a '.repeat(40)}end.\n\nSecond paragraph goes on and on`;
    expect(shorten(t, 100, { prefer: 'paragraph' }).text).toBe(`${'a '.repeat(40)}end.…`);
  });
});
