import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../synthesis/index.ts';
import type { ListEntry } from './lists.ts';
import { createPseudonyms } from './pseudonyms.ts';
import { defaultPolicy } from './redactor.ts';
import { redactableFormat, redactFileName, redactJson, redactLines } from './transcript.ts';

const LISTS: ListEntry[] = [
  { name: 'Joanne Pruett', kind: 'PERSON' },
  { name: 'Devin Achterberg', kind: 'PERSON' },
];
const policy = defaultPolicy(LISTS);

const VTT = `WEBVTT

6f1b2c3d-1111-2222-3333-444455556666/12-0
00:00:02.913 --> 00:00:06.038
<v Devin Achterberg (Guest)>Hi Joanne, can you hear me all right?</v>

00:00:06.562 --> 00:00:11.449
<v Pruett, Joanne>I can. Devin's P&amp;L is on 0161 496 0753, call him.</v>
`;

const SRT = `1
00:00:01,000 --> 00:00:04,000
Devin Achterberg: Thanks, Joanne.

2
00:00:04,500 --> 00:00:07,000
Joanne Pruett: Sure, Devin
Achterberg.
`;

const JSON_TEXT = `{
  "text": " Hi Joanne. Hello Devin.",
  "segments": [
    { "id": 0, "seek": 0, "start": 0.0, "end": 1.5, "text": " Hi Joanne." },
    { "id": 1, "seek": 0, "start": 1.5, "end": 3.0, "text": " Hello Devin." }
  ],
  "language": "en"
}
`;

const read = (file: string, text: string) => readTranscript({ file, bytes: new TextEncoder().encode(text) });

describe('redaction that keeps the transcript format', () => {
  it('WebVTT: voices and text redacted; header, cue ids, timings and entities untouched', async () => {
    const r = redactLines(VTT, 'vtt', policy, createPseudonyms());
    expect(r.text).toBe(
      VTT.replace('Devin Achterberg (Guest)', 'PERSON_1 (Guest)')
        .replace('Hi Joanne', 'Hi PERSON_2')
        .replace('Pruett, Joanne', 'PERSON_2')
        .replace("Devin's", "PERSON_1's")
        .replace('0161 496 0753', 'PHONE_1'),
    );
    const before = await read('x.vtt', VTT);
    const after = await read('x.vtt', r.text);
    expect(after.turns.map((t) => [t.start, t.end])).toEqual(before.turns.map((t) => [t.start, t.end]));
    expect(after.speakers).toEqual(['PERSON_1 (Guest)', 'PERSON_2']);
    expect(r.findings.map((f) => f.where)).toContain('line 5');
  });

  it('SRT: "Name:" prefixes and a name wrapped onto the next line redacted, numbering kept', async () => {
    const r = redactLines(SRT, 'srt', policy, createPseudonyms());
    expect(r.text).toBe(`1
00:00:01,000 --> 00:00:04,000
PERSON_1: Thanks, PERSON_2.

2
00:00:04,500 --> 00:00:07,000
PERSON_2: Sure, PERSON_1.
`);
    expect((await read('x.srt', r.text)).speakers).toEqual(['PERSON_1', 'PERSON_2']);
  });

  it('Whisper JSON: segment texts redacted, the joined text rebuilt, numbers and layout kept', async () => {
    const r = redactJson('x.json', JSON_TEXT, policy, createPseudonyms());
    const doc = JSON.parse(r.text) as { text: string; segments: { start: number; text: string }[] };
    expect(doc.text).toBe(' Hi PERSON_1. Hello PERSON_2.');
    expect(doc.segments.map((s) => [s.start, s.text])).toEqual([
      [0, ' Hi PERSON_1.'],
      [1.5, ' Hello PERSON_2.'],
    ]);
    expect(r.text).toMatch(/^\{\n {2}"text"/);
    expect(r.findings.filter((f) => f.decision === 'redacted').map((f) => f.where)).toEqual([
      'segments[0].text',
      'segments[1].text',
    ]);
    expect((await read('x.json', r.text)).turns.length).toBeGreaterThan(0);
  });

  it('knows the format from the content, whatever the extension', () => {
    expect(redactableFormat('a.txt', VTT)).toBe('vtt');
    expect(redactableFormat('a.txt', SRT)).toBe('srt');
    expect(redactableFormat('a.srt', JSON_TEXT)).toBe('json');
    expect(redactableFormat('a.vtt', 'Joanne  0:01\nHello')).toBe('vtt');
    expect(redactableFormat('a.txt', 'Joanne  0:01\nHello')).toBe('text');
  });

  it('refuses broken JSON with the file named', () => {
    expect(() => redactJson('bad.json', '{"text": ', policy, createPseudonyms())).toThrow(
      /bad\.json: not valid JSON/,
    );
  });

  it('redacts names in file names, whatever separates the words', () => {
    const p = createPseudonyms();
    expect(redactFileName('10_joanne_pruett.vtt', policy, p)).toBe('10_PERSON_1.vtt');
    expect(redactFileName('Interview - Devin-Achterberg.docx.txt', policy, p)).toBe(
      'Interview - PERSON_2.docx.txt',
    );
    expect(redactFileName('notes.txt', policy, p)).toBe('notes.txt');
  });
});
