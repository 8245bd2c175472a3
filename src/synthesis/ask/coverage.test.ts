import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_OFF_TOPIC, DEV_ON_TOPIC } from '../../../bench/ask-questions.ts';
import { readTranscriptInputs } from '../files.ts';
import type { Transcript } from '../types.ts';
import { spellingVariants, termInformation } from './coverage.ts';
import { ask, askIndex, buildAskIndex } from './index.ts';

const t = (id: string, lines: [string, string][]): Transcript => ({
  id,
  file: `${id}.txt`,
  format: 'text-colon',
  speakers: [],
  turns: lines.map(([speaker, text]) => ({ speaker, start: null, end: null, text })),
});

const clinic = t('clinic', [
  ['Maren', 'What gets in the way today?'],
  ['Dana', 'Prior authorization denials cancel surgeries. The payer portal rejects half of our requests.'],
  ['Maren', 'And staffing?'],
  ['Dana', 'We cannot keep medical assistants; the hospital down the road pays two dollars more an hour.'],
  ['Maren', 'What colour should the new signage be?'],
  ['Dana', 'Green, like the logo.'],
]);

describe('ask coverage', () => {
  it('weighs a rare word above a common one', () => {
    expect(termInformation('pension')).toBeGreaterThan(termInformation('company'));
    expect(termInformation('zzzunknownword')).toBeGreaterThan(termInformation('pension'));
  });

  it('knows American and British spellings', () => {
    expect(spellingVariants('color')).toContain('colour');
    expect(spellingVariants('organise')).toContain('organize');
  });

  it('answers what was discussed, even in the other spelling, and declines what was not', () => {
    expect(ask('What did Dana say about prior authorization denials?', [clinic]).covered).toBe(true);
    expect(ask('Why can they not keep medical assistants?', [clinic]).covered).toBe(true);
    expect(ask('What color is the signage?', [clinic]).covered).toBe(true);
    const off = ask('What did Dana say about the pension fund?', [clinic]);
    expect(off.covered).toBe(false);
    expect(off.answer).toMatch(/^The conversation does not discuss the pension fund\./);
    // one shared common word ("hospital") does not make the topic covered
    expect(ask('What did they say about the hospital helicopter service?', [clinic]).covered).toBe(false);
  });

  it('general questions are always covered', () => {
    expect(ask('Summarize the conversation', [clinic]).covered).toBe(true);
  });
});

// On the development corpus, when the shared eval folder is there.
const DEV = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'eval',
  'interviews-dev',
  'transcripts',
);
describe.skipIf(!existsSync(DEV))('ask coverage on the development interviews', () => {
  it('declines ≥ 90% of off-topic questions and answers ≥ 90% of on-topic ones', async () => {
    const { transcripts } = await readTranscriptInputs([DEV]);
    const index = buildAskIndex(transcripts);
    const declined = DEV_OFF_TOPIC.filter((q) => !askIndex(index, q).covered).length;
    const answered = DEV_ON_TOPIC.filter((q) => askIndex(index, q).covered).length;
    expect(declined / DEV_OFF_TOPIC.length).toBeGreaterThanOrEqual(0.9);
    expect(answered / DEV_ON_TOPIC.length).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
if (!existsSync(DEV)) console.log(`ask coverage test on the development corpus skipped: ${DEV} is absent.`);
