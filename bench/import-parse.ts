/**
 * The pure half of an import at scale: parse 100,000 time entries (Toggl Track detailed report CSV, also
 * Clockify and Harvest) and aggregate them into tasks. No database: this is the share of the 50,000
 * entries/s budget the parser takes. Reports entries/s and peak memory.
 * Run: node --import tsx bench/import-parse.ts [--entries N] [--runs N]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { aggregateTimeEntries, parseImport } from '../src/inventory/imports/index.ts';
import type { ImportFormat } from '../src/inventory/imports/types.ts';
import { peakRssMiB, rng, timed, writeResult } from './lib/report.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const ENTRIES = Number(values.entries);
const RUNS = Number(values.runs);

const pad = (x: number) => String(x).padStart(2, '0');
const hms = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`;

interface Generated {
  user: string;
  email: string;
  client: string;
  project: string;
  task: string;
  description: string;
  date: string;
  startMinute: number;
  minutes: number;
}

/**
 * A year of a 40-person firm: 60 projects, each using 40 of the firm's 600 task names; a fifth of the
 * entries have no task and are named by one of 300 recurring descriptions; descriptions carry commas and
 * quotes, so cells are quoted.
 */
function* entries(n: number, seed = 11): Generator<Generated> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r() * 40) + 1;
    const project = Math.floor(r() * 60) + 1;
    const task = ((project * 37 + Math.floor(r() * 40)) % 600) + 1;
    const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(r() * 365)));
    const recurring = Math.floor(r() * 300);
    yield {
      user: `Person ${p}`,
      email: `person${p}@firm.example`,
      client: `Client ${(project % 15) + 1}`,
      project: `Project ${project}`,
      task: r() < 0.2 ? '' : `Task ${task}`,
      description:
        r() < 0.3 ? `"Review, edit ""slide deck ${recurring}"" and send"` : `Work on item ${recurring}`,
      date: day.toISOString().slice(0, 10),
      startMinute: 8 * 60 + Math.floor(r() * 480),
      minutes: 5 + Math.floor(r() * 235),
    };
  }
}

function togglCsv(n: number): string {
  const lines = [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)',
  ];
  for (const e of entries(n)) {
    const end = e.startMinute + e.minutes;
    lines.push(
      `${e.user},${e.email},${e.client},${e.project},${e.task},${e.description},Yes,${e.date},${hms(e.startMinute)},${e.date},${hms(end % 1440)},${hms(e.minutes)},,${(e.minutes * 2.5).toFixed(2)}`,
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function clockifyCsv(n: number): string {
  const us = (d: string) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
  const twelve = (m: number) =>
    `${pad(Math.floor(m / 60) % 12 || 12)}:${pad(m % 60)}:00 ${m < 720 ? 'AM' : 'PM'}`;
  const lines = [
    'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)',
  ];
  for (const e of entries(n)) {
    lines.push(
      `${e.project},${e.client},${e.description},${e.task},${e.user},,${e.email},,Yes,${us(e.date)},${twelve(e.startMinute)},${us(e.date)},${twelve((e.startMinute + e.minutes) % 1440)},${hms(e.minutes)},${(e.minutes / 60).toFixed(2)},150.00,${(e.minutes * 2.5).toFixed(2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function harvestCsv(n: number): string {
  const lines = [
    'Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL',
  ];
  for (const e of entries(n)) {
    const hours = (e.minutes / 60).toFixed(2);
    const [first, last] = e.user.split(' ');
    lines.push(
      `${e.date},${e.client},${e.project},P-1,${e.task},${e.description},${hours},${hours},Yes,No,Yes,${first},${last},Consultant,Yes,150.00,0,80.00,0,United States Dollar - USD,`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** CPU seconds of this process: on a shared machine, wall time also counts the time other jobs ran. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function measure(format: ImportFormat, csv: string) {
  const bytes = new TextEncoder().encode(csv);
  const cpu0 = cpuSeconds();
  const parsed = await timed(() =>
    parseImport({ file: `${format}.csv`, bytes, defaultCurrency: 'USD', format }),
  );
  if (parsed.value.errors.length > 0)
    throw new Error(`bench input has errors: ${parsed.value.errors[0]!.message}`);
  const cpu1 = cpuSeconds();
  const aggregated = await timed(() => aggregateTimeEntries(parsed.value.timeEntries));
  const cpu = cpuSeconds() - cpu0;
  const seconds = parsed.seconds + aggregated.seconds;
  return {
    format,
    entries: parsed.value.timeEntries.length,
    megabytes: Math.round((bytes.length / 2 ** 20) * 10) / 10,
    parseSeconds: Math.round(parsed.seconds * 1000) / 1000,
    aggregateSeconds: Math.round(aggregated.seconds * 1000) / 1000,
    tasks: aggregated.value.length,
    entriesPerSecond: Math.round(parsed.value.timeEntries.length / seconds),
    parseCpuSeconds: Math.round((cpu1 - cpu0) * 1000) / 1000,
    aggregateCpuSeconds: Math.round((cpu0 + cpu - cpu1) * 1000) / 1000,
    cpuSeconds: Math.round(cpu * 1000) / 1000,
    entriesPerCpuSecond: Math.round(parsed.value.timeEntries.length / cpu),
  };
}

async function main() {
  const toggl = togglCsv(ENTRIES);
  const togglRuns = [];
  for (let i = 0; i < RUNS; i++) togglRuns.push(await measure('toggl', toggl));
  const sorted = [...togglRuns].sort((a, b) => a.entriesPerSecond - b.entriesPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const clockify = await measure('clockify', clockifyCsv(ENTRIES));
  const harvest = await measure('harvest', harvestCsv(ENTRIES));
  const result = {
    entries: ENTRIES,
    toggl: { runs: togglRuns, median },
    clockify,
    harvest,
    peakRssMiB: peakRssMiB(),
    loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
    target: 'parse + aggregate far above 50,000 entries/s, leaving time for the database insert',
  };
  const file = writeResult('import-parse', result);
  console.log(
    `toggl   ${median.entries} entries: parse ${median.parseSeconds}s + aggregate ${median.aggregateSeconds}s = ${median.entriesPerSecond} entries/s, ${median.entriesPerCpuSecond} per CPU-second (median of ${RUNS})`,
  );
  for (const r of [clockify, harvest]) {
    console.log(
      `${r.format.padEnd(8)}${r.entries} entries: parse ${r.parseSeconds}s + aggregate ${r.aggregateSeconds}s = ${r.entriesPerSecond} entries/s, ${r.entriesPerCpuSecond} per CPU-second`,
    );
  }
  console.log(
    `peak RSS ${result.peakRssMiB} MiB, load average ${result.loadAverage1m} on ${os.cpus().length} CPUs → ${file}`,
  );
}

await main();
