import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.ts';
import { sampleInsights } from '../synthesis/deck/fixtures/sample-insights.ts';
import type { Insights, Theme } from '../synthesis/index.ts';
import { applyEdit, passageHolds } from './edits.ts';

const theme = (ins: Insights, id: string): Theme =>
  ins.questions.flatMap((q) => q.themes).find((t) => t.id === id) as Theme;

/** Every quote's interviewee counts for its theme: the invariant every edit keeps on the themes it touches. */
function citationsHold(ins: Insights, ...ids: string[]) {
  for (const id of ids)
    for (const x of theme(ins, id).quotes) expect(theme(ins, id).interviews, id).toContain(x.interview);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  return 'no error';
}

describe('edits of a saved synthesis', () => {
  const before = sampleInsights();

  it('renames a theme and rewrites its summary, leaving the input as it was', () => {
    const out = applyEdit(before, {
      op: 'rename',
      themeId: 'q1-t2',
      label: 'Prices slip because nobody owns them',
      summary: 'Discounts are given branch by branch.',
    });
    expect(theme(out.insights, 'q1-t2')).toMatchObject({
      label: 'Prices slip because nobody owns them',
      summary: 'Discounts are given branch by branch.',
    });
    expect(theme(before, 'q1-t2').label).toBe('Restore pricing discipline');
    expect(out.summary).toBe(
      'Renamed “Restore pricing discipline” to “Prices slip because nobody owns them” and rewrote its summary',
    );
  });

  it('merges two themes of a question: interviewees counted once, quotes together, one theme fewer', () => {
    const a = theme(before, 'q1-t1');
    const b = theme(before, 'q1-t2');
    const union = new Set([...a.interviews, ...b.interviews]);
    const out = applyEdit(before, { op: 'merge', themeId: 'q1-t1', otherId: 'q1-t2' });
    const merged = theme(out.insights, 'q1-t1');
    expect(merged.interviews).toHaveLength(union.size);
    expect(new Set(merged.interviews)).toEqual(union);
    expect(merged.quotes).toHaveLength(a.quotes.length + b.quotes.length);
    expect(out.insights.questions[0]!.themes.map((t) => t.id)).toEqual(['q1-t1', 'q1-t3', 'q1-t4']);
    citationsHold(out.insights, 'q1-t1');
    expect(codeOf(() => applyEdit(before, { op: 'merge', themeId: 'q1-t1', otherId: 'q2-t1' }))).toBe(
      'SYNTHESIS_EDIT_INVALID',
    );
  });

  it('splits a theme: the chosen interviewees and their quotes go to a new theme after it', () => {
    const t = theme(before, 'q1-t1');
    const moving = [
      t.quotes[0]!.interview,
      t.interviews.find((i) => !t.quotes.some((x) => x.interview === i))!,
    ];
    const out = applyEdit(before, {
      op: 'split',
      themeId: 'q1-t1',
      interviews: moving,
      label: 'Service contracts should renew themselves',
    });
    const q1 = out.insights.questions[0]!;
    expect(q1.themes.map((x) => x.id)).toEqual(['q1-t1', 'q1-t5', 'q1-t2', 'q1-t3', 'q1-t4']);
    const fresh = theme(out.insights, 'q1-t5');
    expect(new Set(fresh.interviews)).toEqual(new Set(moving));
    expect(fresh.quotes.map((x) => x.interview)).toEqual([t.quotes[0]!.interview]);
    expect(theme(out.insights, 'q1-t1').interviews).toHaveLength(t.interviews.length - 2);
    citationsHold(out.insights, 'q1-t1', 'q1-t5');
    // Not all, not none, not someone who did not raise it.
    for (const interviews of [t.interviews, [], ['nobody']])
      expect(
        codeOf(() => applyEdit(before, { op: 'split', themeId: 'q1-t1', interviews, label: 'Xy' })),
      ).toBe('SYNTHESIS_EDIT_INVALID');
  });

  it('drops a theme, a cross-cutting theme or a split', () => {
    const out = applyEdit(before, { op: 'drop', themeId: 'q2-t3' });
    expect(out.insights.questions[1]!.themes.map((t) => t.id)).toEqual(['q2-t1', 'q2-t2']);
    expect(applyEdit(before, { op: 'drop', themeId: 'x2' }).insights.crossCutting.map((c) => c.id)).toEqual([
      'x1',
      'x3',
    ]);
    expect(applyEdit(before, { op: 'drop', themeId: 'q3-s1' }).insights.splits.map((s) => s.id)).toEqual([
      'q5-s1',
    ]);
    expect(codeOf(() => applyEdit(before, { op: 'drop', themeId: 'q9-t9' }))).toBe('THEME_NOT_FOUND');
  });

  it('moves a quote: its interviewee counts for the new theme, and leaves the old one with their last quote', () => {
    const from = theme(before, 'q1-t4');
    const quote = from.quotes[0]!;
    const out = applyEdit(before, { op: 'move-quote', themeId: 'q1-t4', quote: 0, toThemeId: 'q1-t3' });
    const to = theme(out.insights, 'q1-t3');
    expect(to.quotes.at(-1)).toEqual(quote);
    expect(to.interviews).toContain(quote.interview);
    expect(theme(out.insights, 'q1-t4').interviews).not.toContain(quote.interview);
    expect(theme(out.insights, 'q1-t4').interviews).toHaveLength(from.interviews.length - 1);
    citationsHold(out.insights, 'q1-t3', 'q1-t4');
  });

  it('picks another quote: the passage replaces the old one and cites its interviewee', () => {
    const out = applyEdit(before, {
      op: 'replace-quote',
      themeId: 'q2-t1',
      quote: 1,
      with: {
        interview: 'dana-reyes',
        text: 'Every purchase order over ten thousand waits a week.',
        start: 61,
      },
    });
    const t = theme(out.insights, 'q2-t1');
    expect(t.quotes[1]).toEqual({
      interview: 'dana-reyes',
      text: 'Every purchase order over ten thousand waits a week.',
      start: 61,
    });
    citationsHold(out.insights, 'q2-t1');
  });

  it('reorders the themes of a question, and the order is marked as the consultant’s', () => {
    const out = applyEdit(before, {
      op: 'reorder',
      questionId: 'q2',
      themeIds: ['q2-t3', 'q2-t1', 'q2-t2'],
    });
    expect(out.insights.questions[1]!.themes.map((t) => t.id)).toEqual(['q2-t3', 'q2-t1', 'q2-t2']);
    expect(out.insights.questions[1]!.themeOrder).toBe('edited');
    expect(
      codeOf(() => applyEdit(before, { op: 'reorder', questionId: 'q2', themeIds: ['q2-t3', 'q2-t1'] })),
    ).toBe('SYNTHESIS_EDIT_INVALID');
  });

  it('finds a quote in a passage whatever its spacing and case', () => {
    expect(passageHolds('We  wait.\nEvery PO waits a week.', 'every po waits a week')).toBe(true);
    expect(passageHolds('We wait.', 'we never wait')).toBe(false);
  });
});
