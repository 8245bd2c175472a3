import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../redact/lists.ts';
import { finalizeRedaction, redactProvisionally } from './redaction.ts';

const lists: ListEntry[] = [
  { name: 'Joanne Pruett', kind: 'PERSON' },
  { name: 'Tern Valley', kind: 'CLIENT' },
];

const vtt = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${text}\n`;
const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('a run’s redaction', () => {
  it('carries the pipeline’s numbering on: a name seen in an earlier run keeps its label', async () => {
    const first = finalizeRedaction(
      await redactProvisionally(
        'joanne_pruett.vtt',
        bytes(vtt('Joanne Pruett runs Tern Valley.')),
        lists,
        [],
      ),
      [],
    );
    expect(first.text).toContain('PERSON_1 runs CLIENT_1.');
    expect(first.fileName).toBe('PERSON_1.vtt');
    const second = finalizeRedaction(
      await redactProvisionally('b.vtt', bytes(vtt('Ask Joanne about the Tern Valley contract.')), lists, []),
      first.pseudonyms,
    );
    expect(second.text).toContain('Ask PERSON_1 about the CLIENT_1 contract.');
    expect(second.text).not.toMatch(/[\uE000\uE001]/);
  });

  it('gives two runs redacted side by side distinct labels for distinct names', async () => {
    const a = await redactProvisionally('a.vtt', bytes(vtt('Joanne Pruett said so.')), lists, []);
    const b = await redactProvisionally('b.vtt', bytes(vtt('Tern Valley said so.')), lists, []);
    // Both were numbered provisionally from zero; stored one after the other they stay apart.
    const fa = finalizeRedaction(a, []);
    const fb = finalizeRedaction(b, fa.pseudonyms);
    expect(fa.text).toContain('PERSON_1 said so.');
    expect(fb.text).toContain('CLIENT_1 said so.');
    expect(fb.pseudonyms.map((p) => p.label).sort()).toEqual(['CLIENT_1', 'PERSON_1']);
  });

  it('applies the review: a kept text stays, an added term goes', async () => {
    const text = vtt('Joanne Pruett moved the Vesperline rollout to Friday.');
    const before = finalizeRedaction(await redactProvisionally('a.vtt', bytes(text), lists, []), []);
    expect(before.text).toContain('Vesperline');
    const after = finalizeRedaction(
      await redactProvisionally('a.vtt', bytes(text), lists, [
        { text: 'Vesperline', kind: 'TERM', action: 'redact' },
        { text: 'Joanne Pruett', kind: 'PERSON', action: 'keep' },
      ]),
      [],
    );
    expect(after.text).toContain('Joanne Pruett moved the TERM_1 rollout');
    expect(after.findings.find((f) => f.text === 'Joanne Pruett')?.decision).toBe('allowed');
  });
});
