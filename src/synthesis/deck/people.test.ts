import { describe, expect, it } from 'vitest';
import { sampleInsights } from './fixtures/sample-insights.ts';
import { citeQuote } from './format.ts';
import { makePeople, makeRedactor, nameParts } from './people.ts';
import { countLines, truncateToLines } from './text-metrics.ts';

describe('names and redaction', () => {
  it('takes names from speaker labels but not generic labels or roles', () => {
    expect(nameParts('Dana Reyes')).toEqual(['Dana Reyes', 'Dana', 'Reyes']);
    expect(nameParts('Dr. Li Wei (CFO)')).toEqual(['Dr. Li Wei', 'Li', 'Wei']);
    expect(nameParts('Speaker 2')).toEqual([]);
    expect(nameParts('Interviewer')).toEqual([]);
    expect(nameParts('CFO')).toEqual([]);
    expect(nameParts(null)).toEqual([]);
  });

  it('redacts full names in any case and single names only when capitalised', () => {
    const redact = makeRedactor(['Dana Reyes', 'Priya Natarajan', 'Mark Jensen']);
    expect(redact('As DANA REYES told Priya, the plan failed.')).toBe(
      'As [name] told [name], the plan failed.',
    );
    expect(redact('Dana’s team and Reyes-style planning')).toBe('[name]’s team and [name]-style planning');
    expect(redact('We mark the market; Mark knows.')).toBe('We mark the market; [name] knows.');
    expect(redact('Danaher is a company')).toBe('Danaher is a company');
  });

  it('shows interviewees by role and number when anonymising, by name otherwise', () => {
    const insights = sampleInsights();
    const anon = makePeople(insights, true);
    expect(anon.attribution('dana-reyes')).toBe('CFO, Interview 1');
    expect(anon.source('dana-reyes')).toBe('CFO, Interview 1');
    expect(anon.text('Ask Priya, she saw my inbox.')).toBe('Ask [name], she saw my inbox.');
    const named = makePeople(insights, false);
    expect(named.attribution('dana-reyes')).toBe('Dana Reyes, Interview 1');
    expect(named.source('dana-reyes')).toBe('Dana Reyes, Interview 1');
    expect(named.text('Ask Priya.')).toBe('Ask Priya.');
  });

  it('does not redact role words even when a transcript labels a speaker by role', () => {
    const insights = sampleInsights();
    insights.interviews[0]!.interviewee = 'Chief Financial Officer';
    insights.interviews[0]!.role = 'Chief Financial Officer';
    const people = makePeople(insights, true);
    expect(people.attribution(insights.interviews[0]!.id)).toBe('Chief Financial Officer, Interview 1');
  });
});

describe('citations', () => {
  it('cites a quote in one form: name, interview number, time; never the file name, never twice', () => {
    const insights = sampleInsights();
    const named = makePeople(insights, false);
    const q = { interview: 'dana-reyes', text: 'x', start: 43 };
    expect(citeQuote(q, named)).toBe('Dana Reyes, Interview 1, 00:43');
    expect(citeQuote({ ...q, start: null }, named)).toBe('Dana Reyes, Interview 1, no timestamp');
    expect(citeQuote(q, makePeople(insights, true))).toBe('CFO, Interview 1, 00:43');
  });

  it('uses the name the engine resolved when the label is "Speaker 2" or missing, else role or number', () => {
    const insights = sampleInsights();
    const iv = insights.interviews[0]!;
    iv.id = '17_first_last';
    iv.file = '17_first_last.txt';
    iv.interviewee = 'Speaker 2';
    iv.name = 'First Last';
    const q = { interview: iv.id, text: 'x', start: 43 };
    expect(citeQuote(q, makePeople(insights, false))).toBe('First Last, Interview 1, 00:43');
    // The appendix lists the same name.
    expect(makePeople(insights, false).name(iv.id)).toBe('First Last');
    delete iv.name;
    expect(makePeople(insights, false).name(iv.id)).toBeUndefined();
    // No name found: the role, never "Speaker 2" nor the file name.
    expect(citeQuote(q, makePeople(insights, false))).toBe('CFO, Interview 1, 00:43');
    delete iv.role;
    iv.interviewee = null;
    expect(citeQuote(q, makePeople(insights, false))).toBe('Interview 1, 00:43');
    // A "Last, First" label reads as a name.
    iv.interviewee = 'Pruett, Joanne';
    expect(makePeople(insights, false).attribution(iv.id)).toBe('Joanne Pruett, Interview 1');
    expect(makePeople(insights, false).name(iv.id)).toBe('Joanne Pruett');
  });

  it('redacts a resolved name when anonymizing, even when no label carried it', () => {
    const insights = sampleInsights();
    const iv = insights.interviews[0]!;
    iv.interviewee = null;
    iv.name = 'Owen Tregarthen';
    const anon = makePeople(insights, true);
    expect(anon.text('They say, you look tired, Owen.')).toBe('They say, you look tired, [name].');
  });
});

describe('text metrics', () => {
  const para = (text: string) => ({ runs: [{ text }], fontFace: 'Arial', fontSize: 12 });

  it('wraps more lines in a narrower box and at a larger size', () => {
    const text =
      'Customers ask us for uptime guarantees every week and we still sell them spare parts. '.repeat(3);
    expect(countLines(para(text), 6)).toBeLessThan(countLines(para(text), 3));
    expect(countLines({ ...para(text), fontSize: 20 }, 6)).toBeGreaterThan(countLines(para(text), 6));
    expect(countLines(para('short'), 6)).toBe(1);
  });

  it('shortens to the line budget with an ellipsis', () => {
    const long = para('word '.repeat(400));
    const cut = truncateToLines(long, 4, 3);
    expect(countLines(cut, 4)).toBeLessThanOrEqual(3);
    expect(cut.runs.at(-1)!.text.endsWith('…')).toBe(true);
    expect(truncateToLines(para('fits'), 4, 1)).toEqual(para('fits'));
  });
});
