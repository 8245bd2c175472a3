/**
 * What rejecting a hostile input costs (issue 9, rows 1–3, 6, 8): each case below is built, then handed
 * to the reader a request or `outtask tasks import` would use, and must be refused with the expected
 * code. Reports per case: the file's size, wall and CPU time to the refusal, and memory (the peak
 * resident size before the reader ran and after it; each case runs in a process of its own so one
 * case's garbage is not another's peak), and the error's message. Results in
 * bench/results/hostile-inputs.json.
 * Run: node --import tsx bench/hostile-inputs.ts [--only NAME]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { parseImport } from '../src/inventory/imports/index.ts';
import { IMPORT_LIMITS } from '../src/inventory/imports/limits.ts';
import { isAppError } from '../src/platform/errors.ts';
import { readDocxLines } from '../src/synthesis/readers/docx.ts';
import { buildZip, docxWithParagraphs } from '../test/factories/zip.ts';
import { peakRssMiB, writeResult } from './lib/report.ts';

const MB = 1024 * 1024;
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const WORKBOOK = {
  name: 'xl/workbook.xml',
  head: '<workbook><sheets><sheet name="Time"/></sheets></workbook>',
};
const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration\n';

const importOf = (file: string) => (bytes: Uint8Array) =>
  parseImport({ file, bytes, defaultCurrency: 'USD' }).then((r) => {
    // A file the parser takes with row errors is refused by the import (422 IMPORT_ROWS_INVALID).
    const errors = (r as { errorCount?: number }).errorCount ?? 0;
    if (errors > 0) return { refusedAs: 'IMPORT_ROWS_INVALID (row errors)', errorCount: errors };
    return r;
  });

interface Case {
  name: string;
  what: string;
  expect: string;
  build(): Promise<Buffer>;
  reject(bytes: Uint8Array): Promise<unknown>;
}

const CASES: Case[] = [
  {
    name: 'docx-bomb-400mb',
    what: 'DOCX transcript whose word/document.xml inflates to 400 MB (declares 1 KB)',
    expect: 'ARCHIVE_TOO_LARGE',
    build: () => docxWithParagraphs(4_400_000, undefined, 1024),
    reject: (b) => readDocxLines('bomb.docx', b),
  },
  {
    name: 'xlsx-bomb-256mb',
    what: 'XLSX whose sheet declares 1 KB and inflates to 256 MB',
    expect: 'ARCHIVE_TOO_LARGE',
    build: () =>
      buildZip([
        WORKBOOK,
        {
          name: 'xl/worksheets/sheet1.xml',
          head: SHEET_HEAD,
          chunk: `<pad>${'x'.repeat(53)}</pad>`,
          times: (256 * MB) / 64,
          tail: SHEET_TAIL,
          declaredSize: 1024,
        },
      ]),
    reject: importOf('bomb.xlsx'),
  },
  {
    name: 'xlsx-shared-strings-200mb-declared',
    what: 'XLSX with honest 200 MB shared strings (refused from the central directory)',
    expect: 'ARCHIVE_TOO_LARGE',
    build: () =>
      buildZip([
        WORKBOOK,
        {
          name: 'xl/sharedStrings.xml',
          head: '<sst>',
          chunk: '<si><t>a long cell</t></si>',
          times: (200 * MB) / 25,
        },
      ]),
    reject: importOf('strings.xlsx'),
  },
  {
    name: 'xlsx-shared-strings-200mb-lying',
    what: 'XLSX whose 200 MB shared strings declare 2 KB',
    expect: 'ARCHIVE_TOO_LARGE',
    build: () =>
      buildZip([
        WORKBOOK,
        {
          name: 'xl/sharedStrings.xml',
          head: '<sst>',
          chunk: '<si><t>a long cell</t></si>',
          times: (200 * MB) / 25,
          declaredSize: 2048,
        },
      ]),
    reject: importOf('strings.xlsx'),
  },
  {
    name: 'xlsx-1m-rows',
    what: 'XLSX sheet of 1,000,000 one-cell rows (48 MB of XML, under the byte caps)',
    expect: 'IMPORT_TOO_LARGE',
    build: () =>
      buildZip([
        WORKBOOK,
        {
          name: 'xl/worksheets/sheet1.xml',
          head: SHEET_HEAD,
          chunk: '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
          times: 1_000_000,
          tail: SHEET_TAIL,
        },
      ]),
    reject: importOf('rows.xlsx'),
  },
  {
    name: 'xlsx-1m-cells-in-a-row',
    what: 'XLSX row of 1,000,000 cells',
    expect: 'IMPORT_TOO_LARGE',
    build: () =>
      buildZip([
        WORKBOOK,
        {
          name: 'xl/worksheets/sheet1.xml',
          head: `${SHEET_HEAD}<row r="1">`,
          chunk: '<c><v>7</v></c>',
          times: 1_000_000,
          tail: `</row>${SHEET_TAIL}`,
        },
      ]),
    reject: importOf('cells.xlsx'),
  },
  {
    name: 'csv-1m-column-header',
    what: 'CSV whose header has 1,000,000 columns',
    expect: 'IMPORT_TOO_LARGE',
    build: async () => Buffer.from(`${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n1\n`),
    reject: importOf('wide.csv'),
  },
  {
    name: 'csv-260k-rows',
    what: `Toggl CSV of 260,000 short rows, under the 20 MB file cap (row cap ${IMPORT_LIMITS.maxRows.toLocaleString('en')})`,
    expect: 'IMPORT_TOO_LARGE',
    build: async () =>
      Buffer.from(
        TOGGL_HEADER + 'A,,C,P,T,D,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,01:30:00\n'.repeat(260_000),
      ),
    reject: importOf('long.csv'),
  },
  {
    name: 'csv-200k-bad-rows',
    what: 'Toggl CSV of 200,000 rows, every one invalid (errors capped at 1,000 plus the count)',
    expect: 'IMPORT_ROWS_INVALID',
    build: async () =>
      Buffer.from(
        TOGGL_HEADER +
          'Ann Lee,,Acme,Pricing,Desk research,Read,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,later\n'.repeat(
            200_000,
          ),
      ),
    reject: importOf('bad.csv'),
  },
  {
    name: 'csv-10mb-task-name',
    what: 'template CSV with a 10,485,760-character task name (the API field limit applies)',
    expect: 'IMPORT_ROWS_INVALID',
    build: async () =>
      Buffer.from(
        `process,task,frequency_kind,occurrences_per_year,minutes_per_occurrence\nFinance,${'x'.repeat(10 * MB)},per_year,12,60\n`,
      ),
    reject: importOf('template.csv'),
  },
];

interface CaseResult {
  name: string;
  what: string;
  fileMiB: number;
  refusedWith: string;
  expected: string;
  ok: boolean;
  wallMs: number;
  cpuMs: number;
  peakRssBeforeMiB: number;
  peakRssAfterMiB: number;
  peakRssGrowthMiB: number;
  message: string;
}

async function runCase(c: Case): Promise<CaseResult> {
  const bytes = await c.build();
  global.gc?.();
  const before = peakRssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let code = 'ACCEPTED';
  let message = '';
  try {
    const r = (await c.reject(bytes)) as { refusedAs?: string; errorCount?: number } | undefined;
    if (r?.refusedAs) {
      code = 'IMPORT_ROWS_INVALID';
      message = `${r.errorCount} row errors (the import answers 422 with the first 1,000 and the count)`;
    }
  } catch (error) {
    code = isAppError(error) ? error.code : `UNEXPECTED ${(error as Error)?.name}`;
    message = (error as Error)?.message ?? String(error);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = peakRssMiB();
  return {
    name: c.name,
    what: c.what,
    fileMiB: Math.round((bytes.length / MB) * 100) / 100,
    refusedWith: code,
    expected: c.expect,
    ok: code === c.expect,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssBeforeMiB: before,
    peakRssAfterMiB: after,
    peakRssGrowthMiB: after - before,
    message: message.slice(0, 300),
  };
}

const { values } = parseArgs({ options: { case: { type: 'string' }, only: { type: 'string' } } });

if (values.case) {
  const c = CASES.find((x) => x.name === values.case);
  if (!c) throw new Error(`no case ${values.case}`);
  process.stdout.write(`${JSON.stringify(await runCase(c))}\n`);
} else {
  const results: CaseResult[] = [];
  for (const c of CASES.filter((x) => !values.only || x.name.includes(values.only))) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', import.meta.filename, '--case', c.name],
      { encoding: 'utf8', maxBuffer: 16 * MB },
    );
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      console.error(r.stderr);
      throw new Error(`case ${c.name} failed (exit ${r.status})`);
    }
    const result = JSON.parse(line) as CaseResult;
    results.push(result);
    console.log(
      `${result.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(36)} ${String(result.fileMiB).padStart(7)} MiB → ${result.refusedWith} in ${result.wallMs} ms (CPU ${result.cpuMs} ms), peak RSS ${result.peakRssBeforeMiB} → ${result.peakRssAfterMiB} MiB`,
    );
  }
  const file = writeResult('hostile-inputs', {
    note: 'Each case in its own process; wall time under the machine load of the moment, CPU time is the steadier figure. peakRssGrowthMiB is how far the reader pushed the process peak past what building the input had reached.',
    limits: { ...IMPORT_LIMITS, docx: { maxEntryBytes: 32 * MB } },
    cases: results,
  });
  console.log(`\n${file}`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}
