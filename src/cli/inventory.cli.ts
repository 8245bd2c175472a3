/** tasks import | list | template, opportunities, compare. Thin: parse options, call a service, print. */
import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { ImportPreview, PeriodView } from '../inventory/index.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../inventory/inventory.schemas.ts';
import { AppError } from '../platform/errors.ts';
import { formatMoney, type Money, parseMajor } from '../platform/money.ts';
import { cliActor, printJson, withApp } from './context.ts';
import { table, truncate } from './format.ts';

const fmt = (m: Money | null | undefined) => (m ? formatMoney(m) : '—');

function readInput(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
  if (fs.statSync(file).isDirectory())
    throw new AppError('VALIDATION_FAILED', `${file} is a directory, not a file`);
  return fs.readFileSync(file);
}

function amount(text: string, currency: string, option: string): Money {
  const m = parseMajor(text, currency);
  if (!m)
    throw new AppError(
      'VALIDATION_FAILED',
      `${option}: "${text}" is not an amount of money (e.g. 12500 or 12,500.00)`,
    );
  return m;
}

function count(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new AppError('VALIDATION_FAILED', `${option}: "${text}" is not a non-negative number`);
  return n;
}

function periodText(p: PeriodView): string {
  return `${p.from} to ${p.to} (${p.length}${p.stated ? ', as stated' : ', first to last entry'}); measured hours are scaled × ${(12 / p.months).toFixed(2)} to a year`;
}

/** The --dry-run plan: one line per activity and where it goes. */
function planText(plan: ImportPreview): string {
  const where = (a: ImportPreview['activities'][number]) => {
    if (a.decision.action === 'ignore') return 'ignore';
    const t = a.target;
    const label = t ? `${t.process} / ${t.taskName}` : '?';
    return a.decision.action === 'new' ? `new task: ${label}` : `${label} (${a.match})`;
  };
  const lines = [
    `Plan for ${plan.file} (${plan.format}, ${plan.fileKind}): ${plan.rows} rows — nothing stored (--dry-run)`,
  ];
  if (plan.period) lines.push(`Period: ${periodText(plan.period)}`);
  if (plan.activities.length > 0) {
    lines.push(
      table(
        ['Activity', 'Hours', 'People', 'Engagements', 'Goes to'],
        plan.activities.map((a) => [
          truncate(a.name, 36),
          a.hours.toFixed(2),
          String(a.people.length),
          truncate(a.engagements.join(', ') || '—', 30),
          truncate(where(a), 60),
        ]),
        ['left', 'right', 'right', 'left', 'left'],
      ),
    );
  }
  const s = plan.summary;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  lines.push(
    `Would attach to ${n(s.tasksMatched, 'existing task')}, create ${n(s.tasksCreated, 'task')}, ${n(s.processesCreated, 'process', 'processes')} and ${n(s.membersCreated, 'person', 'people')}, update ${n(s.tasksUpdated, 'task')}; ${n(s.entries, 'new time entry', 'new time entries')}, ${s.entriesIgnored} ignored.`,
  );
  for (const e of plan.errors.slice(0, 50)) lines.push(`  bad row: ${e.message}`);
  for (const w of plan.warnings.slice(0, 20)) lines.push(`  note: ${w}`);
  lines.push('Change a line with --map mapping.csv (columns Activity, Action, Task, Process, Name).');
  return `${lines.join('\n')}\n`;
}

export function registerInventoryCommands(program: Command): void {
  const tasks = program.command('tasks').description('The task inventory (step 1)');

  tasks
    .command('import')
    .description(
      'Import tasks or time entries from a file: Outtask template (CSV/XLSX), Harvest, Toggl Track, Clockify. A tracker’s task is the task, its project or client the engagement; each activity goes to an existing task (exact, then similar name, or as decided at the last import of that tracker), a new task, or nowhere',
    )
    .argument('<file>', 'the file to import')
    .addOption(
      new Option('--format <format>', 'layout of the file (default: detected from the header)').choices(
        IMPORT_FORMATS,
      ),
    )
    .option('--skip-invalid', 'import the valid rows even when some rows have errors', false)
    .option(
      '--map <mapping.csv>',
      'what each activity becomes: columns Activity, Action (task|new|ignore), Task (id, name or "Process / Task"), Process, Name',
    )
    .option(
      '--dry-run',
      'print the plan (each activity, its hours and where it goes) and store nothing',
      false,
    )
    .option('--period-from <date>', 'first day the entries cover (default: the first entry’s date)')
    .option('--period-to <date>', 'last day the entries cover (default: the last entry’s date)')
    .option('--json', 'print the import report (or with --dry-run the plan) as JSON', false)
    .action(
      async (
        file: string,
        opts: {
          format?: ImportFormat;
          skipInvalid: boolean;
          json: boolean;
          map?: string;
          dryRun: boolean;
          periodFrom?: string;
          periodTo?: string;
        },
        cmd: Command,
      ) => {
        const bytes = readInput(file);
        const decisions = opts.map
          ? (await import('../inventory/index.ts')).parseMappingFile(
              path.basename(opts.map),
              readInput(opts.map),
            )
          : undefined;
        const request = {
          file: path.basename(file),
          bytes,
          ...(opts.format ? { format: opts.format } : {}),
          skipInvalid: opts.skipInvalid,
          ...(decisions ? { decisions } : {}),
          ...(opts.periodFrom || opts.periodTo
            ? { period: { from: opts.periodFrom ?? '', to: opts.periodTo ?? '' } }
            : {}),
        };
        await withApp(async (app) => {
          const actor = await cliActor(app, cmd);
          if (opts.dryRun) {
            const plan = await app.inventory.previewImport(actor, request);
            if (opts.json) return printJson(plan);
            process.stdout.write(planText(plan));
            return;
          }
          const report = await app.inventory.importFile(actor, request);
          if (opts.json) return printJson(report);
          const lines = [
            `Imported ${file} (${report.format}, ${report.fileKind}): ${report.rows} rows · import ${report.importId}`,
            `  tasks: ${report.created.tasks} new, ${report.updated.tasks} updated; members: ${report.created.members} new, ${report.updated.members} updated; processes: ${report.created.processes} new`,
          ];
          if (
            report.timeEntries.imported ||
            report.timeEntries.alreadyImported ||
            report.timeEntries.ignored
          ) {
            lines.push(
              `  time entries: ${report.timeEntries.imported} new, ${report.timeEntries.alreadyImported} already imported before, ${report.timeEntries.ignored} ignored`,
            );
          }
          if (report.period) lines.push(`  period: ${periodText(report.period)}`);
          if (report.skippedRows) lines.push(`  skipped ${report.skippedRows} invalid rows:`);
          for (const e of report.errors.slice(0, 50)) lines.push(`    ${e.message}`);
          if (report.errorCount > 50) lines.push(`    … and ${report.errorCount - 50} more errors`);
          for (const w of report.warnings.slice(0, 20)) lines.push(`  note: ${w}`);
          lines.push(`  undo it with: outtask imports undo ${report.importId}`);
          process.stdout.write(`${lines.join('\n')}\n`);
        });
      },
    );

  const imports = program.command('imports').description('Past imports: list them, undo one as a whole');
  imports
    .command('list')
    .description('Past imports, newest first')
    .option(
      '--json',
      'print JSON: [{ id, fileName, format, rows, imported, periodFrom, periodTo, undoneAt, at }]',
      false,
    )
    .action(async (opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const list = await app.inventory.importHistory(actor);
        if (opts.json) return printJson(list);
        if (list.length === 0) {
          process.stdout.write('No imports yet: outtask tasks import FILE\n');
          return;
        }
        process.stdout.write(
          `${table(
            ['Id', 'When', 'File', 'Format', 'Rows', 'Period', 'Status'],
            list.map((b) => [
              b.id,
              b.at.slice(0, 16).replace('T', ' '),
              truncate(b.fileName, 32),
              b.format,
              String(b.rows),
              b.periodFrom ? `${b.periodFrom} – ${b.periodTo}` : '—',
              b.undoneAt ? `undone ${b.undoneAt.slice(0, 10)}` : 'in effect',
            ]),
            ['left', 'left', 'left', 'left', 'right', 'left', 'left'],
          )}\n`,
        );
      });
    });
  imports
    .command('undo')
    .description(
      'Undo an import as a whole: its time entries, the tasks, processes and people it created, the changes it made',
    )
    .argument('<id>', 'the import’s id (outtask imports list)')
    .option('--json', 'print the undone import as JSON', false)
    .action(async (id: string, opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const undone = await app.inventory.undoImport(actor, id);
        if (opts.json) return printJson(undone);
        process.stdout.write(`Undid the import of ${undone.fileName} (${undone.at.slice(0, 10)}).\n`);
      });
    });

  tasks
    .command('list')
    .description('Every task with its measured hours and annual in-house cost')
    .option(
      '--json',
      'print JSON: [{ name, process, measuredHours, inHouseAnnualCost: { amountMinor, currency }, ... }]',
      false,
    )
    .action(async (opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const { taskListJson } = await import('../inventory/index.ts');
        const list = taskListJson(await app.economics.overview(actor.workspace));
        if (opts.json) return printJson(list);
        if (list.length === 0) {
          process.stdout.write(
            'No tasks yet. Import some: outtask tasks import FILE (outtask tasks template writes an example)\n',
          );
          return;
        }
        process.stdout.write(
          `${table(
            ['Process', 'Task', 'Performer', 'Hours/yr', 'Measured h', 'In-house/yr', 'Score'],
            list.map((t) => [
              truncate(t.process, 28),
              truncate(t.name, 44),
              truncate(t.performer ?? '—', 20),
              t.annualHours.toFixed(1),
              t.measuredHours ? t.measuredHours.toFixed(1) : '—',
              fmt(t.inHouseAnnualCost),
              String(t.score),
            ]),
            ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
          )}\n${list.length} tasks\n`,
        );
      });
    });

  tasks
    .command('template')
    .description('Write the Outtask import template (with example rows)')
    .argument('[file]', 'where to write it', 'outtask-tasks-template.xlsx')
    .action(async (file: string) => {
      const kind = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const { writeTemplate } = await import('../inventory/index.ts');
      fs.writeFileSync(file, await writeTemplate(kind));
      process.stdout.write(`Wrote ${file} (${kind}); fill it in and run: outtask tasks import ${file}\n`);
    });

  program
    .command('opportunities')
    .description('Tasks ranked by expected saving, with their out-taskability score')
    .option('--top <n>', 'show the first N', '10')
    .option(
      '--json',
      'print JSON: { currency, totals, opportunities: [{ rank, name, score, factors, annualSaving, ... }] }',
      false,
    )
    .action(async (opts: { top: string; json: boolean }, cmd: Command) => {
      const top = Math.floor(count(opts.top, '--top'));
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const { opportunitiesJson } = await import('../inventory/index.ts');
        const data = opportunitiesJson(await app.economics.overview(actor.workspace, { top }), top);
        if (opts.json) return printJson(data);
        if (data.opportunities.length === 0) {
          process.stdout.write('No tasks yet: import your inventory first (outtask tasks import FILE)\n');
          return;
        }
        process.stdout.write(
          `${table(
            ['#', 'Task', 'Score', 'In-house/yr', 'Out-tasked/yr', 'Saving/yr', 'Founder h freed'],
            data.opportunities.map((o) => [
              String(o.rank),
              truncate(o.name, 48),
              String(o.score),
              fmt(o.inHouseAnnualCost),
              fmt(o.outTaskedAnnualCost),
              o.outTaskable ? fmt(o.annualSaving) : `— ${truncate(o.notOutTaskableReason ?? '', 30)}`,
              o.founderHoursFreed ? o.founderHoursFreed.toFixed(1) : '—',
            ]),
            ['right', 'left', 'right', 'right', 'right', 'right', 'right'],
          )}\n`,
        );
        process.stdout.write(
          `Saving available: ${fmt(data.totals.savingAvailable)} a year; the top ${data.totals.topN} free ${data.totals.founderHoursFreedTopN.toFixed(0)} founder hours.\n${data.ordering}\n`,
        );
      });
    });

  program
    .command('compare')
    .description('Out-task or outsource a task: both options under volume scenarios, and a recommendation')
    .argument('<task>', 'the task: its id, its name, or "Process / Task"')
    .requiredOption('--unit-price <amount>', "the outsourcer's price per deliverable unit")
    .requiredOption('--min-units <n>', 'committed minimum units a year (billed even when fewer are needed)')
    .option(
      '--max-units <n>',
      'top of the committed band (units a year); beyond it the overage price applies',
    )
    .option('--overage-price <amount>', 'price per unit beyond the band (default: the unit price)')
    .option('--upfront <amount>', 'up-front investment', '0')
    .option('--term-months <n>', 'minimum term of the contract', '12')
    .option('--provider <name>', 'name of the outsourcer')
    .option(
      '--scenario <label=factor>',
      'volume scenario, repeatable: "low=0.5" (× expected volume) or "peak=units:3000"; default −50%, expected, +50%',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--json', 'print the whole comparison as JSON', false)
    .action(
      async (
        taskRef: string,
        opts: Record<string, string | string[] | boolean | undefined>,
        cmd: Command,
      ) => {
        await withApp(async (app) => {
          const actor = await cliActor(app, cmd);
          const cur = actor.workspace.currency;
          const task = await app.inventory.resolveTask(actor, taskRef);
          const scenarios = (opts.scenario as string[]).map((s) => {
            const m = /^([^=]+)=(units:)?([\d.]+)$/.exec(s.trim());
            if (!m)
              throw new AppError(
                'VALIDATION_FAILED',
                `--scenario "${s}": write label=factor (low=0.5) or label=units:N`,
              );
            return m[2]
              ? { label: m[1]!, unitsPerYear: Number(m[3]) }
              : { label: m[1]!, volumeFactor: Number(m[3]) };
          });
          const result = await app.economics.compare(
            actor.workspace,
            task,
            {
              ...(opts.provider ? { provider: String(opts.provider) } : {}),
              upfrontInvestment: amount(String(opts.upfront), cur, '--upfront'),
              minimumTermMonths: Math.max(1, Math.round(count(String(opts.termMonths), '--term-months'))),
              unitPrice: amount(String(opts.unitPrice), cur, '--unit-price'),
              committedUnitsPerYear: {
                min: count(String(opts.minUnits), '--min-units'),
                max: opts.maxUnits === undefined ? null : count(String(opts.maxUnits), '--max-units'),
              },
              ...(opts.overagePrice
                ? { overageUnitPrice: amount(String(opts.overagePrice), cur, '--overage-price') }
                : {}),
            },
            scenarios.length ? scenarios : undefined,
          );
          if (opts.json) return printJson(result);
          process.stdout.write(
            `${result.taskName}: out-task or outsource over ${result.termMonths} months\n\n`,
          );
          process.stdout.write(
            `${table(
              ['Scenario', `${result.deliverableUnit}s/yr`, 'Out-task/yr', 'Outsource/yr', 'Cheaper'],
              result.scenarios.map((s) => [
                s.label,
                s.unitsPerYear.toFixed(0),
                fmt(s.outTask.annualCost),
                fmt(s.outsource.annualCost),
                s.cheaper,
              ]),
              ['left', 'right', 'right', 'right', 'left'],
            )}\n\n`,
          );
          process.stdout.write(
            `${result.breakEven.explanation}\nRecommendation: ${result.recommendation.reason}\n`,
          );
        });
      },
    );
}
