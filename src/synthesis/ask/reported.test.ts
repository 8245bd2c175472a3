import { describe, expect, it } from 'vitest';
import { contentWords } from '../text/index.ts';
import { pastTense, reportClause, reportedSentence, shiftClause } from './reported.ts';

describe('reported speech', () => {
  it.each([
    [
      'Yeah, I think we should cut the budget by 20 percent.',
      'Dana thought that they should cut the budget by 20 percent.',
    ],
    ["We don't have the money.", "Dana said that they didn't have the money."],
    ["I'm not sure it works.", 'Dana said that they were not sure it works.'],
    ['Do we need a new remote?', 'Dana asked whether they needed a new remote.'],
    ['Why is it so expensive?', 'Dana asked why it was so expensive.'],
    ['I want to make it work.', 'Dana said that they wanted to make it work.'],
    [
      "We've been talking about this for weeks.",
      'Dana said that they had been talking about this for weeks.',
    ],
    ["I don't think that's a good idea.", 'Dana did not think that that was a good idea.'],
    ["Let's move on to the next item.", 'Dana suggested that they should move on to the next item.'],
    [
      'The remote is too big and I was worried.',
      'Dana said that the remote was too big and they were worried.',
    ],
    ['He wants more buttons.', 'Dana said that he wanted more buttons.'],
    ['Wait until the pilot ends.', 'Dana suggested that they should wait until the pilot ends.'],
    ["Yeah, don't rush it.", 'Dana suggested that they should not rush it.'],
    ['Never sign a three-year term.', 'Dana suggested that they should never sign a three-year term.'],
    [
      'Please tell them we need more time.',
      'Dana suggested that they should tell them they needed more time.',
    ],
    ['Plan is to ship in May.', 'Dana said that plan was to ship in May.'],
    ['Start of the year was busy.', 'Dana said that start of the year was busy.'],
    ["Don't know if it works.", "Dana said that didn't know if it worked."],
    [
      'Across the group, the wave of retirements is what keeps me awake.',
      'Dana said that across the group, the wave of retirements was what keeps them awake.',
    ],
  ])('%s', (spoken, reported) => {
    expect(reportedSentence(spoken, 'Dana')).toBe(reported);
  });

  it('keeps every content word, number and negation of what was said, in order', () => {
    const said = [
      "We reconcile four bank accounts by hand and it doesn't scale past 2,000 invoices.",
      'I never approved the Q3 forecast, our CFO did.',
      'Honestly the ERP export is missing the vendor codes since March 2024.',
      "We can't hire before the audit, so I'd outsource it.",
      'My team spends six days on it every month.',
    ];
    // words the frame may change: pronouns, auxiliaries, and verbs whose tense shifts
    const frame =
      /^(?:i|we|my|our|us|me|can't|couldn't|doesn't|didn't|don't|is|was|are|were|reconcile|reconciled|spends|spent|do|did)$/;
    for (const s of said) {
      const r = reportClause(s);
      const before = contentWords(s).filter((w) => !frame.test(w));
      const after = contentWords(r.clause).filter((w) => !frame.test(w));
      expect(after).toEqual(before);
      expect(/n't|never|not/.test(r.clause)).toBe(/n't|never|not/.test(s));
    }
  });

  it('turns first person into the speaker\'s "they" and present into past', () => {
    expect(shiftClause('we spend six days on it')).toBe('they spent six days on it');
    expect(shiftClause('my team is small and our budget is fixed')).toBe(
      'their team was small and their budget was fixed',
    );
    expect(shiftClause('I will send it')).toBe('they would send it');
  });

  it('leaves quoted words as they were said', () => {
    expect(shiftClause('the client said "we are not ready" to us')).toBe(
      'the client said "we are not ready" to them',
    );
  });

  it('forms regular and irregular past tenses', () => {
    expect(['need', 'stop', 'try', 'decide', 'go', 'think', 'plan'].map(pastTense)).toEqual([
      'needed',
      'stopped',
      'tried',
      'decided',
      'went',
      'thought',
      'planned',
    ]);
  });
});
