import { describe, expect, it } from 'vitest';
import { citeQuote } from '../deck/format.ts';
import { makePeople } from '../deck/people.ts';
import { FORM, PEOPLE, script, transcriptOf } from './fixtures/conversations.ts';
import { analyzeInterviews } from './index.ts';
import { cleanLabel, fileNameWords, isNameLabel, vocatives } from './names.ts';

describe('names in labels, greetings and file names', () => {
  it('tells names from slots in speaker labels', () => {
    expect(isNameLabel('Speaker 2')).toBe(false);
    expect(isNameLabel('SPEAKER_01')).toBe(false);
    expect(isNameLabel('Interviewee')).toBe(false);
    expect(isNameLabel('Unknown Speaker')).toBe(false);
    expect(isNameLabel('Guest 3')).toBe(false);
    expect(isNameLabel('Pruett, Joanne')).toBe(true);
    expect(cleanLabel('Pruett, Joanne')).toBe('Joanne Pruett');
    expect(cleanLabel('Maren Kowalczyk (Guest)')).toBe('Maren Kowalczyk');
    expect(cleanLabel('Dr. Victor Amadi')).toBe('Dr. Victor Amadi');
  });

  it('finds the names a greeting or a thank-you addresses, not the words around them', () => {
    expect(vocatives('Hi Owen. Devin, from Brackwater.')).toEqual(['Owen']);
    expect(vocatives('Okay, thank you so much, Graham, this was really helpful.')).toEqual(['Graham']);
    expect(vocatives('Hi Dr. Sorensen, thanks for making time.')).toEqual(['Sorensen']);
    expect(vocatives('Thanks so much for making the time.')).toEqual([]);
    expect(vocatives('Thank you. And what gets in the way?')).toEqual([]);
    expect(fileNameWords('interviews/13_owen_tregarthen.txt')).toEqual(['owen', 'tregarthen']);
    expect(fileNameWords('interview-07-final.json')).toEqual([]);
  });
});

describe('attribution on real conversations (four formats)', () => {
  const labels = (p: (typeof PEOPLE)[number], respondent: string) => ({
    I: p.interviewer,
    R: respondent,
    X: 'Speaker 1',
  });

  it('names the interviewee from the greeting and the file name, never the interviewer', async () => {
    const [owen, joanne, farid, carla] = PEOPLE as [
      (typeof PEOPLE)[number],
      (typeof PEOPLE)[number],
      (typeof PEOPLE)[number],
      (typeof PEOPLE)[number],
    ];
    const transcripts = await Promise.all([
      // Otter export: the recorder did not know the interviewee ("Speaker 2").
      transcriptOf(script(owen), 'otter', '13_owen_tregarthen', labels(owen, 'Speaker 2')),
      // Teams: "Last, First" and a "(Guest)" interviewer.
      transcriptOf(script(joanne), 'vtt', '10_joanne_pruett', {
        ...labels(joanne, 'Pruett, Joanne'),
        I: `${joanne.interviewer} (Guest)`,
      }),
      // SRT with "Name:" prefixes, a file name that carries no name: the greeting does.
      transcriptOf(script(farid), 'srt', 'interview-11', labels(farid, 'Speaker 2')),
      // Whisper: no speakers at all; the greeting, the thanks and the file name.
      transcriptOf(script(carla), 'whisper', '12_carla_benedetti', labels(carla, '')),
    ]);
    const insights = analyzeInterviews(transcripts, FORM, { wordVectors: null });
    const byId = new Map(insights.interviews.map((i) => [i.id, i]));
    expect(byId.get('13_owen_tregarthen')!.name).toBe('Owen Tregarthen');
    expect(byId.get('10_joanne_pruett')!.name).toBe('Joanne Pruett');
    expect(byId.get('interview-11')!.name).toBe('Farid');
    expect(byId.get('12_carla_benedetti')!.name).toBe('Carla Benedetti');
    // The interviewee thanks the interviewer by name ("Thanks, Maren"): never taken for theirs.
    for (const i of insights.interviews) {
      expect(i.name).toBeDefined();
      for (const w of ['Devin', 'Maren', 'Simone', 'Achterberg', 'Kowalczyk', 'Ferrante'])
        expect(i.name!, i.id).not.toContain(w);
    }
    // Citations: the name, the interview number and the time; never the file name, never twice.
    const people = makePeople(insights, false);
    const cite = citeQuote({ interview: '13_owen_tregarthen', text: 'x', start: 43 }, people);
    expect(cite).toBe('Owen Tregarthen, Interview 1, 00:43');
    for (const i of insights.interviews) {
      const c = citeQuote({ interview: i.id, text: 'x', start: 43 }, people);
      expect(c).not.toContain(i.id);
      expect(c).toMatch(/^[A-Z][a-z]+(?: [A-Z][a-z]+)?, Interview \d, 00:43$/);
    }
  });

  it('leaves the name out when neither the talk nor the file name gives one', async () => {
    const [owen] = PEOPLE as [(typeof PEOPLE)[number]];
    const lines = script(owen).map(
      ([who, text]) => [who, text.replace(/,? ?Owen/g, '')] as [typeof who, string],
    );
    const t = await transcriptOf(lines, 'srt', 'interview-03', labels(owen, 'Speaker 2'));
    const insights = analyzeInterviews([t], FORM, { wordVectors: null });
    expect(insights.interviews[0]!.name).toBeUndefined();
    expect(citeQuote({ interview: t.id, text: 'x', start: 5 }, makePeople(insights, false))).toBe(
      'Interview 1, 00:05',
    );
  });
});
