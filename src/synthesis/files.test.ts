import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, readTranscriptFiles } from './files.ts';

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
