import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { SAMPLE_NAMES, sampleInsights } from './deck/fixtures/sample-insights.ts';
import { renderMarkdown } from './report.ts';
import { expandInputs, parseInterviewMeta, readTranscriptFiles } from './synthesize.ts';

const FIX = resolve(import.meta.dirname, 'deck/fixtures');

describe('expandInputs', () => {
  it('expands directories (transcript extensions only) and globs, without duplicates, in a stable order', async () => {
    const files = await expandInputs(['interviews', 'interviews/*.vtt'], FIX);
    expect(files).toEqual([
      join('interviews', 'dana-reyes.vtt'),
      join('interviews', 'helen-okafor.txt'),
      join('interviews', 'james-thornton.txt'),
      join('interviews', 'li-wei.srt'),
      join('interviews', 'marcus-webb.vtt'),
      join('interviews', 'sofia-marquez.vtt'),
    ]);
  });

  it('says which name matched nothing', async () => {
    await expect(expandInputs(['interviews/*.docx'], FIX)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: 'no file matches interviews/*.docx',
    });
    await expect(expandInputs(['nope.vtt'], FIX)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: 'nope.vtt: no such file or directory',
    });
  });
});

describe('readTranscriptFiles', () => {
  it('collects every bad file with its reason instead of stopping at the first', async () => {
    const progress: string[] = [];
    const { transcripts, bad } = await readTranscriptFiles(
      [
        'interviews/dana-reyes.vtt',
        'bad-transcripts/cut-off.vtt',
        'bad-transcripts/not-a-transcript.txt',
        'missing.vtt',
      ],
      { cwd: FIX, onProgress: (d, t, s) => progress.push(`${d}/${t} ${s}`) },
    );
    expect(transcripts.map((t) => t.id)).toEqual(['dana-reyes']);
    expect(bad.map((b) => b.file)).toEqual([
      'bad-transcripts/cut-off.vtt',
      'bad-transcripts/not-a-transcript.txt',
      'missing.vtt',
    ]);
    expect(bad[0]!.reason).toMatch(/^bad-transcripts\/cut-off\.vtt:\d+/);
    expect(bad[2]!.code).toBe('FILE_NOT_FOUND');
    expect(progress.at(-1)).toBe('4/4 reading transcripts');
  });
});

describe('parseInterviewMeta', () => {
  it('reads CSV with id or file columns, and JSON objects or arrays', () => {
    expect(
      parseInterviewMeta('ID,Role,Date\ndana-reyes,CFO,2025-03-03\nli-wei,"VP Engineering, Platform",\n'),
    ).toEqual({
      'dana-reyes': { role: 'CFO', date: '2025-03-03' },
      'li-wei': { role: 'VP Engineering, Platform' },
    });
    expect(parseInterviewMeta('file,role\ninterviews/dana-reyes.vtt,CFO')).toEqual({
      'dana-reyes': { role: 'CFO' },
    });
    expect(parseInterviewMeta('{"dana-reyes":{"role":"CFO","date":"2025-03-03"}}')).toEqual({
      'dana-reyes': { role: 'CFO', date: '2025-03-03' },
    });
    expect(parseInterviewMeta('[{"file":"x/li-wei.srt","role":"CTO"}]')).toEqual({
      'li-wei': { role: 'CTO' },
    });
  });

  it('reports the file and line of a bad row', () => {
    expect(() => parseInterviewMeta('id,role,date\na,CFO,2025-03-03\nb,COO,March 4', 'meta.csv')).toThrow(
      /^meta\.csv:3: date of "b" must look like 2025-03-14, got "March 4"/,
    );
    expect(() => parseInterviewMeta('name,title\nx,y', 'meta.csv')).toThrow(
      /^meta\.csv:1: the header row needs an "id" or a "file" column/,
    );
    expect(() => parseInterviewMeta('id,role\na,CFO\na,COO', 'meta.csv')).toThrow(
      /^meta\.csv:3: interview "a" appears twice/,
    );
  });

  it('never fails with anything but IMPORT_MALFORMED on generated or mutated input', () => {
    const valid = 'id,role,date\ndana-reyes,CFO,2025-03-03\nli-wei,"VP, Eng",2025-03-04\n';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .tuple(fc.nat(valid.length), fc.string({ maxLength: 4 }))
            .map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 2)),
          fc
            .array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 5 })
            .map((rows) => ['id,role,date', ...rows.map((r) => r.join(','))].join('\n')),
        ),
        (text) => {
          try {
            const meta = parseInterviewMeta(text, 'm.csv');
            for (const m of Object.values(meta)) if (m.date) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('IMPORT_MALFORMED');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('renderMarkdown', () => {
  it('has the deck content: method, summary, every question with its themes, splits, cross-cutting, appendix', () => {
    const insights = sampleInsights();
    const md = renderMarkdown(insights, {
      deck: { slideCount: 22, outTaskerPrice: '$242.00', pricePerSlide: '$11.00' },
    });
    expect(md).toMatch(/^# Operating model review\n/);
    for (const heading of [
      '## Method',
      '## Executive summary',
      '## Where they split',
      '## Themes that cut across questions',
      '## Appendix: the interviews',
    ]) {
      expect(md).toContain(heading);
    }
    for (const [i, q] of insights.questions.entries()) expect(md).toContain(`## Q${i + 1}. ${q.text}`);
    expect(md).toContain('| Grow recurring service revenue | 14 of 24 |');
    expect(md).toContain('(oliver-hughes (Interview 12) at 12:08)');
    expect(md).toContain('22 slides; an out-tasker would have charged $242.00');
  });

  it('anonymised: no names, ids or file names', () => {
    const insights = sampleInsights();
    const md = renderMarkdown(insights, { anonymize: true });
    for (const name of SAMPLE_NAMES)
      for (const part of name.split(' ')) expect(new RegExp(`\\b${part}\\b`).test(md), part).toBe(false);
    for (const i of insights.interviews) expect(md.includes(i.id), i.id).toBe(false);
    expect(md).toContain('— CFO, Interview 1 (Interview 1 at 09:30)');
  });
});
