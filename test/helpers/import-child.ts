/**
 * A real process importing a file for the import crash test (test/imports/import-crash.test.ts): the
 * app's inventory service over the test's database imports IMPORT_FILE into IMPORT_WORKSPACE, then
 * prints "done". The test kills it with SIGKILL while its transaction is open.
 *
 * env: CRASH_DIALECT sqlite|postgres, CRASH_TARGET (file or url), CRASH_SCHEMA (postgres),
 * IMPORT_WORKSPACE (id), IMPORT_FILE (path of a Toggl CSV).
 */
import fs from 'node:fs';
import { createAccountsService } from '../../src/accounts/index.ts';
import { createInventoryService } from '../../src/inventory/inventory.service.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openPostgres, openSqlite } from '../../src/platform/db/connect.ts';
import { newId } from '../../src/platform/ids.ts';

const target = process.env.CRASH_TARGET ?? '';
const db =
  process.env.CRASH_DIALECT === 'postgres'
    ? openPostgres(target, { schema: process.env.CRASH_SCHEMA ?? '', max: 4 })
    : openSqlite(target);
const deps = { db, clock: systemClock, newId };
const accounts = createAccountsService(deps, { sessionTtlHours: 1 });
const workspace = await accounts.resolveWorkspace(process.env.IMPORT_WORKSPACE ?? '');
const inventory = createInventoryService(deps, { importMaxBytes: 100 * 1024 * 1024 });
const file = process.env.IMPORT_FILE ?? '';
const report = await inventory.importFile(
  { workspace, userId: null },
  { file, bytes: fs.readFileSync(file) },
);
process.stdout.write(`done ${report.timeEntries.imported}\n`);
await db.close();
process.exit(0);
