import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Insights, Quote } from '../types.ts';
import { SAMPLE_NAMES, sampleInsights } from './fixtures/sample-insights.ts';
import { makePeople } from './people.ts';
import type { PlannedSlide } from './plan.ts';
import { planDeck } from './slides/index.ts';
import { textHeight } from './text-metrics.ts';
import { defaultTheme } from './theme.ts';
import { writeDeck } from './write-deck.ts';

async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) out.set(name, await file.async('string'));
  }
  return out;
}

function names(files: Map<string, string>, re: RegExp): string[] {
  return [...files.keys()].filter((n) => re.test(n)).sort();
}

/** Every text box holds its text (by our metrics) and every element stays on the slide, above the footer. */
function expectEverythingFits(plan: PlannedSlide[]): void {
  for (const [i, slide] of plan.entries()) {
    for (const el of slide.elements) {
      const where = `slide ${i + 1} (${slide.title}) ${el.type}`;
      expect(el.rect.x, where).toBeGreaterThanOrEqual(0);
      expect(el.rect.y, where).toBeGreaterThanOrEqual(0);
      expect(el.rect.x + el.rect.w, where).toBeLessThanOrEqual(13.333 + 1e-6);
      expect(el.rect.y + el.rect.h, where).toBeLessThanOrEqual(slide.master === 'content' ? 6.95 : 7.5);
      if (el.type === 'text') {
        expect(textHeight(el.paragraphs, el.rect.w - 2 * el.padding), where).toBeLessThanOrEqual(
          el.rect.h + 1e-6,
        );
        for (const p of el.paragraphs) expect(p.fontSize, `${where} font size`).toBeGreaterThanOrEqual(12);
      }
    }
  }
}

function longInsights(): Insights {
  const base = sampleInsights();
  const longText =
    'We have talked about this for years and every time the conversation ends the same way, with a plan that nobody owns and a budget that nobody approved, so the teams go back to what they did before. ';
  const quote = (i: number, words = 1): Quote => ({
    interview: base.interviews[i % 24]!.id,
    start: 60 * i + 7,
    text: longText.repeat(words).trim(),
  });
  const q = base.questions[0]!;
  q.text =
    'Thinking about the next eighteen months and the pressures from customers, competitors, regulators and your own people, what are the most important priorities for the business, and why?';
  q.themes = Array.from({ length: 12 }, (_, k) => ({
    id: `q1-t${k + 1}`,
    label: `A fairly long theme label number ${k + 1} about priorities and their owners`,
    summary: `${longText}${longText}`,
    interviews: base.interviews.slice(0, 20 - k).map((i) => i.id),
    quotes: [quote(k), quote(k + 1, 2), quote(k + 2, 30)],
    keywords: ['priorities'],
  }));
  return base;
}

describe('planDeck', () => {
  it('lays out the sample: title, method, summary, question slides with charts, splits, cross-cutting, appendix', () => {
    const insights = sampleInsights();
    const plan = planDeck(insights, { theme: defaultTheme, people: makePeople(insights, false) });
    const kinds = plan.map((s) => s.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds).toContain('method');
    expect(kinds).toContain('summary');
    expect(kinds.filter((k) => k === 'split')).toHaveLength(insights.splits.length);
    expect(kinds).toContain('cross-cutting');
    expect(kinds.at(-1)).toBe('appendix');
    const charts = plan.flatMap((s) => s.elements.filter((e) => e.type === 'bar-chart'));
    expect(charts).toHaveLength(insights.questions.length + 1);
    const q1 = charts[0]!;
    expect(q1.type === 'bar-chart' && q1.values).toEqual([14, 9, 7, 5]);
    expectEverythingFits(plan);
  });

  it('flows long content onto continuation slides instead of overflowing, and shortens one huge quote', () => {
    const insights = longInsights();
    const plan = planDeck(insights, { theme: defaultTheme, people: makePeople(insights, false) });
    const q1Slides = plan.filter((s) => s.kind === 'question' && s.title.startsWith('Thinking about'));
    expect(q1Slides.length).toBeGreaterThan(3);
    expectEverythingFits(plan);
    const allText = q1Slides.flatMap((s) =>
      s.elements.flatMap((e) => (e.type === 'text' ? e.paragraphs : [])),
    );
    expect(allText.some((p) => p.runs.some((r) => r.text.endsWith('…”') || r.text.endsWith('…')))).toBe(true);
  });

  it('fits with a wide unknown font from a theme as well', () => {
    const insights = longInsights();
    const theme = { ...defaultTheme, fonts: { heading: 'Verdana', body: 'Some Unknown Sans' } };
    expectEverythingFits(planDeck(insights, { theme, people: makePeople(insights, true) }));
  });

  it('writes speaker notes on every slide; content slides cite interviews and mm:ss timestamps', () => {
    const insights = sampleInsights();
    const plan = planDeck(insights, { theme: defaultTheme, people: makePeople(insights, false) });
    for (const slide of plan) expect(slide.notes.length, slide.title).toBeGreaterThan(20);
    for (const slide of plan.filter((s) => s.kind === 'question' || s.kind === 'split')) {
      expect(slide.notes, slide.title).toMatch(/, Interview \d+, \d{2}:\d{2}/);
    }
    // The 12:08 quote of Oliver Hughes (interview 12) is cited with its time, in the one form.
    expect(plan.map((s) => s.notes).join('\n')).toContain('Oliver Hughes, Interview 12, 12:08');
    expect(plan.map((s) => s.notes).join('\n')).not.toMatch(/oliver-hughes \(|\(Interview \d+\)/);
  });
});

describe('writeDeck', () => {
  it('produces a PPTX with one slide file per planned slide, native charts and notes', async () => {
    const insights = sampleInsights();
    const deck = await writeDeck(insights);
    expect(deck.slideCount).toBe(deck.slides.length);
    const files = await unzip(deck.pptx);
    expect(names(files, /^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(deck.slideCount);
    const charts = names(files, /^ppt\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBe(insights.questions.length + 1);
    const chart = files.get(charts[0]!)!;
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('Grow recurring service revenue');
    expect(names(files, /^ppt\/notesSlides\/notesSlide\d+\.xml$/)).toHaveLength(deck.slideCount);
    const notes = names(files, /^ppt\/notesSlides\//).map((n) => files.get(n)!);
    expect(notes.some((n) => /Interview \d+, \d{2}:\d{2}/.test(n))).toBe(true);
    const all = [...files.values()].join('\n');
    expect(all).toContain('Dana Reyes');
  });

  it('anonymised: no interviewee or interviewer name, nor file-derived id, anywhere in the package', async () => {
    const insights = sampleInsights();
    const deck = await writeDeck(insights, { anonymize: true });
    const all = [...(await unzip(deck.pptx)).values()].join('\n');
    for (const name of SAMPLE_NAMES) {
      for (const part of [name, ...name.split(' ')]) {
        expect(new RegExp(`\\b${part}\\b`).test(all), `"${part}" found in anonymised deck`).toBe(false);
      }
    }
    for (const i of insights.interviews) expect(all.includes(i.id), i.id).toBe(false);
    expect(all).toContain('CFO, Interview 1');
    expect(all).toContain('[name]');
  });

  it('places the theme logo on the slides and uses the theme colours', async () => {
    const insights = sampleInsights();
    const pngOnePixel =
      'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const theme = {
      ...defaultTheme,
      colors: { ...defaultTheme.colors, primary: '0B6E4F' },
      logo: { data: pngOnePixel, width: 400, height: 100 },
    };
    const deck = await writeDeck(insights, { theme });
    const zip = await JSZip.loadAsync(deck.pptx);
    expect(Object.keys(zip.files).some((n) => n.startsWith('ppt/media/') && n.endsWith('.png'))).toBe(true);
    const slide2 = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide2).toContain('0B6E4F');
  });
});
