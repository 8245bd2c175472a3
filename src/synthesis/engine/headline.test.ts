import { describe, expect, it } from 'vitest';
import { words } from '../text/index.ts';
import { cleanQuote } from './describe.ts';
import { asHeadline, isHeadline, organizationVoice } from './headline.ts';
import { reportable } from './summary.ts';
import { sentenceLean } from './themes.ts';

describe('theme labels are headlines (issue 8 item 3)', () => {
  it('takes a clause with a subject and a verb, 4–10 words', () => {
    expect(isHeadline('Every clinic has its own scheduling rules')).toBe(true);
    expect(isHeadline('Approvals wait too long at head office')).toBe(true);
    expect(isHeadline('The clinic directors should be getting a monthly P&L')).toBe(true);
  });

  it('refuses fragments of one quote: a conjunction, a pronoun, a count, the speaker, no verb', () => {
    for (const fragment of [
      'Which is more than four percent of sales',
      "That's two to four weeks",
      'Nobody answers it',
      'Thursday',
      'I have a team of twenty-two',
      'Three went to Tern Valley',
      'One pre-op checklist',
      'It keeps getting cut',
      'Whatever the clinics decide, I will hear about it',
      'The answer is to fix those as we go',
      'Five weeks for a schedule change',
      'A patient who has a great visit at Westerby',
    ])
      expect(isHeadline(fragment), fragment).toBe(false);
  });

  it('leaves off openers that place the clause in the talk, and never ends on a gerund waiting for its object', () => {
    expect(asHeadline('Right now the clinics answer the phone in different ways')).toBe(
      'The clinics answer the phone in different ways',
    );
    expect(asHeadline('Meanwhile, the clinic is short today, not next week')).toBe(
      'The clinic is short today, not next week',
    );
    expect(asHeadline("we're paying for turnover instead of paying for wages, and it shows")).toBe(
      'The organization is paying for turnover',
    );
  });

  it('says the speaker’s "we" of the organization, with the verb agreeing', () => {
    expect(organizationVoice('we promote the best MA to lead MA')).toBe(
      'The organization promotes the best MA to lead MA',
    );
    expect(organizationVoice("we're not on Vesperline yet")).toBe(
      'The organization is not on Vesperline yet',
    );
    expect(organizationVoice('we have fourteen transformation programmes')).toBe(
      'The organization has fourteen transformation programmes',
    );
    expect(organizationVoice('we need to fix our templates')).toBe(
      'The organization needs to fix its templates',
    );
    // A personal anecdote stays the speaker's.
    expect(organizationVoice('we asked me to build it')).toBeNull();
  });

  it('turns advice into what the organization should do, but not a noun that looks like a verb', () => {
    expect(asHeadline('Pick a few things and finish them')).toBe('The organization should pick a few things');
    expect(asHeadline('Hold times go up')).toBe('Hold times go up');
  });

  it('cuts a long clause before a trailing phrase, never mid-phrase', () => {
    expect(asHeadline('people need training on how to get useful results out of the tools')).toBe(
      'People need training on how to get useful results',
    );
    expect(asHeadline('thursday we are late on three customers')).toBeNull();
  });
});

describe('summaries read as written English', () => {
  it('does not report clauses that hang off another or speak to the interviewer', () => {
    expect(reportable('which leads nicely into technology and data')).toBe(false);
    expect(reportable("it's connected, is the surgery centers")).toBe(false);
    expect(reportable("you won't be shocked that the growth guy said growth")).toBe(false);
    expect(reportable('the clinic directors ask me for their own numbers')).toBe(true);
  });
});

describe('quotes are cleaned of how the speaker frames them, never of what they say', () => {
  it('drops "Candidly," "Bluntly," "To be honest," and learned openers', () => {
    expect(cleanQuote('Candidly, the approvals take three weeks.')).toBe('The approvals take three weeks.');
    expect(cleanQuote('Bluntly, um, nobody owns the number.')).toBe('Nobody owns the number.');
    expect(cleanQuote('To be honest, we never trained the leads.')).toBe('We never trained the leads.');
    expect(cleanQuote('From where I sit, the margin keeps eroding.', new Set(['from where i sit']))).toBe(
      'The margin keeps eroding.',
    );
    expect(cleanQuote('Unfortunately, the margin keeps eroding.')).toBe(
      'Unfortunately, the margin keeps eroding.',
    );
  });

  it('a theme that leans one way takes no quote arguing the other', () => {
    expect(sentenceLean(words('We should pause the rollout until the templates are fixed.'))).toBe(-1);
    expect(sentenceLean(words('We should keep going and fix things in flight.'))).toBe(1);
    expect(sentenceLean(words('The templates are still wrong.'))).toBe(0);
  });
});
