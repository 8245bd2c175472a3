import { describe, expect, it } from 'vitest';
import type { Transcript } from '../types.ts';
import { ASIDE, announcedQuestion, isFarewell, isSocialAct, PROMPT, TOPIC_SHIFT } from './acts.ts';
import type { Sentence } from './corpus.ts';
import { FORM, type Format, PEOPLE, script, transcriptOf } from './fixtures/conversations.ts';
import { alignTranscripts, analyzeInterviews } from './index.ts';

const sentence = (text: string): Sentence => {
  const tokens = text
    .toLowerCase()
    .replace(/’/g, "'")
    .match(/[a-z0-9'-]+/g)!
    .map((w) => w.replace(/^'+|'+$/g, ''));
  return {
    interview: 0,
    turn: 0,
    from: 0,
    to: text.length,
    speaker: null,
    text,
    start: null,
    terms: [],
    tokens,
    wordCount: tokens.length,
    endsWithQuestion: text.endsWith('?'),
  };
};

describe('dialogue acts', () => {
  it('recognises social acts said alone, not content that mentions thanks', () => {
    for (const t of [
      'Thanks, Maren.',
      'Ha.',
      'Oh, you’re welcome.',
      'Bye now.',
      'Of course.',
      'Yes, that’s fine.',
    ])
      expect(isSocialAct(sentence(t)), t).toBe(true);
    for (const t of [
      'And I’d go out to Pennock myself before May and say thank you, because they’ve been through it.',
      'Approvals.',
      'Vacancies, mostly.',
      'Thanks to the new system we lost a month.',
    ])
      expect(isSocialAct(sentence(t)), t).toBe(false);
  });

  it('recognises leave-taking, announced asides, prompts without "?", places and topic shifts', () => {
    expect(isFarewell('Okay, thank you so much, Graham.')).toBe(true);
    expect(isFarewell('Great, thank you.')).toBe(true);
    expect(isFarewell('I’ll let you go.')).toBe(true);
    expect(isFarewell('We never thank the front desk enough.')).toBe(false);
    expect(ASIDE.test('Sorry, quick aside: are you coming to the offsite?')).toBe(true);
    expect(ASIDE.test('Before I forget, did you get the invite?')).toBe(true);
    expect(ASIDE.test('Has the board weighed in?')).toBe(false);
    expect(PROMPT.test("I'm guessing you have views.")).toBe(true);
    expect(announcedQuestion('Okay, second one.', 6)).toBe(1);
    expect(announcedQuestion('Last one.', 6)).toBe(5);
    expect(announcedQuestion('So, first question.', 6)).toBe(0);
    expect(announcedQuestion('What’s the first piece you’d standardize?', 6)).toBe(-1);
    expect(TOPIC_SHIFT.test('Okay, let’s do technology and data.'.replace('’', "'"))).toBe(true);
  });
});

/** Each person in one format; half of them take leave with a bare "Great, thank you." */
async function interviews(formats: Format[], plainBye = (i: number) => i % 2 === 1) {
  return Promise.all(
    PEOPLE.map((p, i) =>
      transcriptOf(
        script(p, plainBye(i)),
        formats[i % formats.length]!,
        `${p.first.toLowerCase()}_${p.last.toLowerCase()}`,
        {
          I: p.interviewer,
          R: i === 0 ? 'Speaker 2' : `${p.first} ${p.last}`,
          X: 'Speaker 1',
        },
      ),
    ),
  );
}

const SMALL_TALK =
  /\b(?:hear me|hear you|traffic|snow|kids|confidential|write-up|recording|thank|thanks|good luck|take care|bye|enjoy|quote me)\b/i;

describe('conversation structure in four formats', () => {
  for (const formats of [['otter', 'vtt', 'srt', 'whisper'], ['whisper'], ['otter']] as Format[][]) {
    it(`keeps small talk out of every answer and follow-ups in them (${formats.join(', ')})`, async () => {
      const transcripts = await interviews(formats);
      const aligned = alignTranscripts(transcripts, FORM);
      aligned.forEach((a, i) => {
        const p = PEOPLE[i]!;
        const answer = (q: string) =>
          a.sentences
            .filter((s) => s.question === q && s.role === 'interviewee')
            .map((s) => s.text)
            .join(' ');
        // Greetings, weather, consent, thanks, goodbyes: in no answer.
        for (const s of a.sentences)
          if (s.question !== null) expect(s.text, `${a.id} ${s.question}`).not.toMatch(SMALL_TALK);
        // Each question's answer, including the paraphrased one asked without "?".
        expect(answer('q1'), a.id).toContain(p.answers[0].split(' ').slice(-4).join(' '));
        expect(answer('q2'), a.id).toContain(p.answers[1].split(' ').slice(-4).join(' '));
        expect(answer('q3'), a.id).toContain(p.answers[2].split(' ').slice(-4).join(' '));
        // The follow-up's reply stays with the question that is open.
        expect(answer('q2'), a.id).toContain(p.followUp[1].split(' ').slice(-4).join(' '));
      });
    });
  }

  it('without speakers, the lead-in of a question’s segment is the interviewer’s, not the answer’s', () => {
    const transcripts: Transcript[] = PEOPLE.map((p, i) => {
      // One segment per line; the q3 prompt (typographic apostrophes) opens with its lead-in.
      const lines = script(p, i % 2 === 1).flatMap(([who, text]): [string, string][] =>
        text.startsWith('Ha, I won')
          ? [
              [who, 'Ha, I won’t.'],
              [who, 'Okay. Systems and data. I’m guessing you have views.'],
            ]
          : [[who, text]],
      );
      return {
        id: `${p.first.toLowerCase()}-${i}`,
        file: `${p.first.toLowerCase()}-${i}.json`,
        format: 'whisper-json',
        speakers: [],
        turns: lines.map(([, text], k) => ({ speaker: null, start: k * 6, end: k * 6 + 5, text })),
      };
    });
    const aligned = alignTranscripts(transcripts, FORM);
    for (const a of aligned) {
      const inAnswers = a.sentences.filter((s) => s.question !== null).map((s) => s.text);
      for (const t of inAnswers) expect(t, a.id).not.toMatch(/Systems and data|guessing|won’t/);
      expect(
        a.sentences.some((s) => s.question === 'q3' && /system/i.test(s.text)),
        a.id,
      ).toBe(true);
    }
  });

  it('makes no theme and no quote of small talk', async () => {
    // Everyone takes leave with a bare "Great, thank you.": the goodbyes that follow are no theme.
    const transcripts = await interviews(['otter', 'vtt', 'srt', 'whisper'], () => true);
    const insights = analyzeInterviews(transcripts, FORM);
    const themes = insights.questions.flatMap((q) => q.themes);
    expect(themes.length).toBeGreaterThan(0);
    for (const t of themes) {
      expect(t.label).not.toMatch(SMALL_TALK);
      for (const q of t.quotes) expect(q.text).not.toMatch(SMALL_TALK);
    }
    // Every interview answered every question (the answer to q3 is not lost to the goodbyes).
    for (const iv of insights.interviews) expect(iv.answered, iv.id).toEqual(['q1', 'q2', 'q3']);
  });
});
