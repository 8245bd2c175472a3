import { describe, expect, it } from 'vitest';
import { SAMPLE_NAMES, sampleInsights } from './deck/fixtures/sample-insights.ts';
import { renderMarkdown } from './report.ts';

describe('renderMarkdown', () => {
  it('has the deck content: method, summary, every question with its themes, splits, cross-cutting, appendix', () => {
    const insights = sampleInsights();
    const md = renderMarkdown(insights, {
      deck: { slideCount: 22, outTaskerPrice: '$242.00', pricePerSlide: '$11.00' },
    });
    expect(md).toMatch(/^# Operating model review\n/);
    for (const heading of [
      '## Method',
      '## Executive summary',
      '## Where they split',
      '## Themes that cut across questions',
      '## Appendix: the interviews',
    ]) {
      expect(md).toContain(heading);
    }
    for (const [i, q] of insights.questions.entries()) expect(md).toContain(`## Q${i + 1}. ${q.text}`);
    expect(md).toContain('| Grow recurring service revenue | 14 of 24 |');
    // One citation form: name, interview number, time — never the file name, never twice.
    expect(md).toContain('— Oliver Hughes, Interview 12, 12:08');
    expect(md).not.toMatch(/oliver-hughes \(|\(Interview \d+\)| at \d{2}:\d{2}/);
    expect(md).toContain('22 slides; an out-tasker would have charged $242.00');
  });

  it('anonymised: no names, ids or file names', () => {
    const insights = sampleInsights();
    const md = renderMarkdown(insights, { anonymize: true });
    for (const name of SAMPLE_NAMES)
      for (const part of name.split(' ')) expect(new RegExp(`\\b${part}\\b`).test(md), part).toBe(false);
    for (const i of insights.interviews) expect(md.includes(i.id), i.id).toBe(false);
    expect(md).toContain('— CFO, Interview 1, 09:30');
  });
});
