import { describe, expect, it } from 'vitest';
import type { Transcript } from '../types.ts';
import { anonymiseTranscripts } from './anonymize.ts';

const interview = (id: string, interviewee: string, interviewer = 'Dana Whitfield'): Transcript => ({
  id,
  file: `${id}.vtt`,
  format: 'vtt',
  speakers: [interviewer, interviewee],
  turns: [
    {
      speaker: interviewer,
      text: `Thanks for your time, ${interviewee.split(' ')[0]}. What worries you?`,
      start: 0,
      end: 4,
    },
    {
      speaker: interviewee,
      text: `Honestly, Dana, the margins. I told ${interviewee} the same in March.`,
      start: 5,
      end: 9,
    },
  ],
});

describe('anonymised transcripts for ask', () => {
  const { transcripts, interviewLabel } = anonymiseTranscripts(
    [interview('maria-lopez', 'Maria Lopez'), interview('tom-becker', 'Tom Becker')],
    { 'maria-lopez': { role: 'CFO' } },
  );

  it('names people by their part in the study, never by name', () => {
    expect(transcripts.map((t) => t.turns.map((x) => x.speaker))).toEqual([
      ['An interviewer', 'CFO in interview 1'],
      ['An interviewer', 'Interviewee 2'],
    ]);
    const all = JSON.stringify(transcripts);
    for (const name of ['Maria', 'Lopez', 'Tom', 'Becker', 'Dana', 'Whitfield', 'maria-lopez'])
      expect(all).not.toContain(name);
    expect(transcripts[0]!.turns[1]!.text).toBe(
      'Honestly, [name], the margins. I told [name] the same in March.',
    );
  });

  it('numbers the interviews in their order and keeps times', () => {
    expect([...interviewLabel.entries()]).toEqual([
      ['maria-lopez', 'Interview 1'],
      ['tom-becker', 'Interview 2'],
    ]);
    expect(transcripts[1]!.id).toBe('Interview 2');
    expect(transcripts[1]!.turns[1]!.start).toBe(5);
  });

  it('finds the interviewer of a single interview by who asks the questions', () => {
    const one = anonymiseTranscripts([interview('a', 'Maria Lopez')]).transcripts[0]!;
    expect(one.turns.map((x) => x.speaker)).toEqual(['An interviewer', 'Interviewee 1']);
  });
});
