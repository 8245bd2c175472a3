import { describe, expect, it } from 'vitest';
import { buildZip } from '../../test/factories/zip.ts';
import { AppError } from './errors.ts';
import { readZip, type ZipLimits } from './zip.ts';

const MB = 1024 * 1024;
const limits: ZipLimits = { maxEntryBytes: 4 * MB, maxTotalBytes: 6 * MB, maxEntries: 10 };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the archive was read without an error');
}

describe('readZip', () => {
  it('returns the kept entries and every name', async () => {
    const zip = await buildZip([
      { name: 'a.txt', head: 'alpha' },
      { name: 'dir/b.txt', chunk: 'beta ', times: 1000 },
    ]);
    const out = await readZip(zip, { file: 'x.zip', limits, keep: (n) => n === 'dir/b.txt' });
    expect(out.names).toEqual(['a.txt', 'dir/b.txt']);
    expect([...out.entries.keys()]).toEqual(['dir/b.txt']);
    expect(out.entries.get('dir/b.txt')!.toString()).toBe('beta '.repeat(1000));
  });

  it('refuses an entry that inflates past its cap even when the archive declares 1 KB', async () => {
    // 64 MB of real bytes behind a central directory (and local header) that say 1 KB.
    const zip = await buildZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        chunk: '<c><v>1</v></c>',
        times: (64 * MB) / 15,
        declaredSize: 1024,
      },
    ]);
    expect(zip.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    const e = await refusal(readZip(zip, { file: 'book.xlsx', limits, keep: () => true }));
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.details).toMatchObject({ entry: 'xl/worksheets/sheet1.xml', scope: 'entry', limit: 4 * MB });
    expect(e.message).toMatch(
      /^book\.xlsx: xl\/worksheets\/sheet1\.xml inflates to more; the limit is 4 MB per entry/,
    );
    // Refused as it inflated: nowhere near the 64 MB were held.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * MB);
  });

  it('refuses at once an entry that declares more than the cap (nothing inflated)', async () => {
    const zip = await buildZip([{ name: 'big.xml', head: 'x', declaredSize: 5 * MB }]);
    const e = await refusal(readZip(zip, { file: 'd.docx', limits, keep: () => true }));
    expect(e.message).toMatch(/big\.xml declares 5 MB/);
  });

  it('counts the total over entries that each pass, including ones not kept when asked to', async () => {
    const specs = [1, 2, 3].map((k) => ({
      name: `part${k}.xml`,
      chunk: 'abcdefgh',
      times: (3 * MB) / 8,
      declaredSize: 10,
    }));
    const zip = await buildZip(specs);
    const e = await refusal(
      readZip(zip, {
        file: 'p.pptx',
        limits: { ...limits, maxTotalBytes: 5 * MB },
        keep: () => false,
        countOthers: true,
      }),
    );
    expect(e.details).toMatchObject({ entry: 'part2.xml', scope: 'total' });
    // Not kept and not counted: only the names are read.
    const names = await readZip(zip, { file: 'p.pptx', limits, keep: () => false });
    expect(names.names).toHaveLength(3);
    expect(names.inflatedBytes).toBe(0);
  });

  it('refuses an archive listing too many entries, and a damaged one', async () => {
    const many = await buildZip(Array.from({ length: 11 }, (_, k) => ({ name: `f${k}`, head: 'x' })));
    expect((await refusal(readZip(many, { file: 'm.zip', limits, keep: () => true }))).details).toMatchObject(
      {
        scope: 'entries',
        entries: 11,
      },
    );
    const cut = (await buildZip([{ name: 'a', chunk: 'hello', times: 1000 }])).subarray(0, 40);
    expect((await refusal(readZip(cut, { file: 'c.zip', limits, keep: () => true }))).code).toBe(
      'ARCHIVE_DAMAGED',
    );
  });
});
