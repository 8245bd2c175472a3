/** Hostile DOCX transcripts: refused while inflating, with a clear error, whatever the archive declares. */
import { describe, expect, it } from 'vitest';
import { docxWithParagraphs } from '../../../test/factories/zip.ts';
import { AppError } from '../../platform/errors.ts';
import { readUploads } from '../pipeline.ts';
import { readTranscript } from './index.ts';

const MB = 1024 * 1024;

async function refusal(file: string, bytes: Uint8Array): Promise<AppError> {
  try {
    await readTranscript({ file, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`${file} was read without an error`);
}

describe('DOCX bombs', () => {
  it('refuses a small DOCX whose document.xml inflates to 100 MB, without holding it', async () => {
    // 100 MB of paragraphs; the file itself is well under a megabyte.
    const bomb = await docxWithParagraphs((100 * MB) / 100, 'x'.repeat(65));
    expect(bomb.length).toBeLessThan(1 * MB);
    const before = process.memoryUsage().rss;
    const e = await refusal('bomb.docx', bomb);
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.details).toMatchObject({ file: 'bomb.docx', entry: 'word/document.xml', scope: 'entry' });
    expect(e.message).toMatch(
      /^bomb\.docx: word\/document\.xml declares 98 MB; the limit is 32 MB per entry/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  });

  it('refuses the same when the central directory says document.xml is 1 KB', async () => {
    const liar = await docxWithParagraphs((100 * MB) / 100, 'y'.repeat(65), 1024);
    const e = await refusal('liar.docx', liar);
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.details).toMatchObject({ entry: 'word/document.xml' });
    expect(e.message).toMatch(/word\/document\.xml inflates to more; the limit is 32 MB per entry/);
  });

  it('lists a bomb among the bad files of an upload and reads the good ones', async () => {
    const good = await docxWithParagraphs(20);
    const bomb = await docxWithParagraphs((40 * MB) / 100, 'z'.repeat(65));
    const { transcripts, skipped } = await readUploads(
      [
        { file: 'good.docx', bytes: good },
        { file: 'bomb.docx', bytes: bomb },
      ],
      { skipInvalid: true },
    );
    expect(transcripts.map((t) => t.file)).toEqual(['good.docx']);
    expect(skipped).toEqual([expect.objectContaining({ file: 'bomb.docx', code: 'ARCHIVE_TOO_LARGE' })]);
  });

  it('reads a paragraph of a million line breaks (no call-stack overflow)', async () => {
    const { buildZip } = await import('../../../test/factories/zip.ts');
    const docx = await buildZip([
      {
        name: 'word/document.xml',
        head: '<w:document><w:body><w:p><w:r><w:t>Interviewer: hello there</w:t>',
        chunk: '<w:br/>',
        times: 1_000_000,
        tail: '<w:t>Respondent: it takes a week</w:t></w:r></w:p></w:body></w:document>',
      },
    ]);
    const t = await readTranscript({ file: 'breaks.docx', bytes: docx });
    expect(t.turns.map((x) => x.text).join(' ')).toMatch(/it takes a week/);
  });
});
