import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { parseInterviewMeta } from './meta.ts';

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
