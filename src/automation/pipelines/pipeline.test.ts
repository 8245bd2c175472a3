import { describe, expect, it } from 'vitest';
import { appendLog, draftEngagement, inputKindOf, plannedStages, runStatusOf, STAGES } from './pipeline.ts';

describe('inputKindOf', () => {
  it('tells recordings from transcripts by extension, whatever the case', () => {
    for (const n of ['a.m4a', 'b.MP3', 'c.wav', 'd.ogg', 'e.webm', 'f.mp4'])
      expect(inputKindOf(n)).toBe('audio');
    for (const n of ['a.vtt', 'b.SRT', 'c.docx', 'd.json', 'e.txt'])
      expect(inputKindOf(n)).toBe('transcript');
  });

  it('refuses anything else, naming the file and what it takes', () => {
    expect(() => inputKindOf('budget.xlsx')).toThrowError(/budget\.xlsx: not a recording .*nor a transcript/);
    expect(() => inputKindOf('noextension')).toThrowError(/noextension/);
  });
});

describe('plannedStages', () => {
  it('takes a recording through every stage when the pipeline has a form', () => {
    expect(plannedStages('audio', true).map((s) => s.state)).toEqual(STAGES.map(() => 'pending'));
  });

  it('lets a transcript skip convert and transcribe, and every run skip synthesise without a form', () => {
    const t = Object.fromEntries(plannedStages('transcript', false).map((s) => [s.stage, s.state]));
    expect(t).toEqual({
      probe: 'pending',
      convert: 'skipped',
      transcribe: 'skipped',
      store: 'pending',
      redact: 'pending',
      synthesise: 'skipped',
      handoff: 'pending',
    });
  });
});

describe('runStatusOf', () => {
  const at = (states: Record<string, string>) =>
    STAGES.map((stage) => ({ stage, state: (states[stage] ?? 'pending') as never }));

  it('follows the stages: queued, running, review, failed, succeeded', () => {
    expect(runStatusOf(at({}))).toEqual({ status: 'queued', stage: null });
    expect(runStatusOf(at({ probe: 'succeeded', convert: 'running' }))).toEqual({
      status: 'running',
      stage: 'convert',
    });
    expect(runStatusOf(at({ probe: 'succeeded' }))).toEqual({ status: 'running', stage: 'convert' });
    expect(
      runStatusOf(
        at({
          probe: 'succeeded',
          convert: 'succeeded',
          transcribe: 'succeeded',
          store: 'succeeded',
          redact: 'succeeded',
          synthesise: 'skipped',
          handoff: 'waiting',
        }),
      ),
    ).toEqual({ status: 'review', stage: 'handoff' });
    expect(runStatusOf(at({ probe: 'failed' }))).toEqual({ status: 'failed', stage: 'probe' });
    expect(runStatusOf(STAGES.map((stage) => ({ stage, state: 'succeeded' })))).toEqual({
      status: 'succeeded',
      stage: null,
    });
  });
});

describe('appendLog', () => {
  it('stamps each line with its time and keeps only the tail of a long log', () => {
    expect(appendLog('', 'started', '2026-12-07T14:05:09.000Z')).toBe('14:05:09 started\n');
    const long = appendLog('x'.repeat(100), 'last line', '2026-12-07T14:05:09.000Z', 50);
    expect(long.length).toBe(50);
    expect(long.endsWith('14:05:09 last line\n')).toBe(true);
  });
});

describe('draftEngagement', () => {
  it('names the pipeline and the file, and the redaction revision after the first', () => {
    expect(draftEngagement('Clinic interviews', 'a.m4a', 1)).toBe('Clinic interviews: draft from a.m4a');
    expect(draftEngagement('Clinic interviews', 'a.m4a', 3)).toBe(
      'Clinic interviews: draft from a.m4a (redaction 3)',
    );
  });

  it('stays within the 200 characters of an engagement, keeping the revision', () => {
    const long = draftEngagement('P'.repeat(120), `${'f'.repeat(150)}.m4a`, 12);
    expect(long).toHaveLength(200);
    expect(long.endsWith('… (redaction 12)')).toBe(true);
  });
});
