/**
 * Step 1 at scale: import 100,000 Toggl time entries into a fresh SQLite database (parse + plan +
 * insert), rank 10,000 tasks, and report seconds, entries/s and peak memory.
 * Run: node --import tsx bench/inventory.ts [--entries N] [--tasks N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_FIRM, materializeDemoFirm } from '../src/demo/index.ts';
import { rankOpportunities } from '../src/inventory/economics/index.ts';
import type { Task } from '../src/inventory/inventory.ts';
import { openApp } from '../src/main.ts';
import { loadConfig } from '../src/platform/config.ts';
import { newId } from '../src/platform/ids.ts';
import { peakRssMiB, timed, writeResult } from './lib/report.ts';
import { togglCsv } from './lib/toggl-csv.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '100000' }, tasks: { type: 'string', default: '10000' } },
});
const ENTRIES = Number(values.entries);
const TASKS = Number(values.tasks);

function syntheticTasks(n: number, template: Task[]): Task[] {
  return Array.from({ length: n }, (_, i) => {
    const t = template[i % template.length]!;
    return {
      ...t,
      id: newId(),
      name: `${t.name} #${i}`,
      minutesPerOccurrence: t.minutesPerOccurrence + (i % 17),
    };
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-'));
  const app = await openApp(loadConfig({ OUTTASK_DATA_DIR: dir }));
  const workspace = await app.accounts.createWorkspace({ name: 'Bench', currency: 'USD' });
  const actor = { workspace, userId: null };

  const csv = Buffer.from(togglCsv(ENTRIES));
  const imp = await timed(() => app.inventory.importFile(actor, { file: 'toggl.csv', bytes: csv }));
  const again = await timed(() => app.inventory.importFile(actor, { file: 'toggl.csv', bytes: csv }));
  const rssAfterImport = peakRssMiB();

  // Ranking: 10,000 tasks through the database (what the API does) and the pure ranking alone.
  const ws2 = await app.accounts.createWorkspace({ name: 'Bench ranking', currency: 'USD' });
  const demo = materializeDemoFirm(() => newId(), DEMO_FIRM);
  const tasks = syntheticTasks(TASKS, demo.tasks);
  await app.inventory.insertAll({ workspace: ws2, userId: null }, { ...demo, tasks });
  const viaDb = await timed(() => app.economics.overview(ws2, { top: 10 }));
  const pure = await timed(() =>
    rankOpportunities(tasks, demo.members, undefined, app.economics.settings(ws2)),
  );
  const result = {
    import: {
      entries: ENTRIES,
      bytes: csv.length,
      seconds: round(imp.seconds),
      entriesPerSecond: Math.round(ENTRIES / imp.seconds),
      newEntries: imp.value.timeEntries.imported,
      tasksCreated: imp.value.created.tasks,
      reimportSeconds: round(again.seconds),
      reimportNewEntries: again.value.timeEntries.imported,
      peakRssMiB: rssAfterImport,
    },
    ranking: {
      tasks: TASKS,
      secondsThroughDatabase: round(viaDb.seconds),
      secondsPureRanking: round(pure.seconds),
      ranked: viaDb.value.ranking.opportunities.length,
    },
    peakRssMiB: peakRssMiB(),
    target: 'import above 50,000 entries/s',
  };
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const file = writeResult('inventory', result);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${file}`);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

await main();
