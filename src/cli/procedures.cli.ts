/** procedures list | show | export | map, forms list | import | export. Thin: parse options, call the service, print. */
import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { AppError } from '../platform/errors.ts';
import { formatMoney } from '../platform/money.ts';
import { cliActor, printJson, withApp } from './context.ts';
import { table, truncate } from './format.ts';

/** Loaded on demand, like the rest of the server side: `outtask --help` needs none of it. */
const stageNames = async () => {
  const { STAGE_LABELS, STAGES } = await import('../procedures/index.ts');
  return { STAGE_LABELS, STAGES };
};

const minutes = (m: number) =>
  m >= 60 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${Math.round(m % 60)} min` : ''}` : `${Math.round(m)} min`;

function versionNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError('VALIDATION_FAILED', `--rev: "${text}" is not a version number (1, 2, …)`);
  }
  return n;
}

function writeOut(file: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new AppError('FILE_NOT_FOUND', `${file}: the folder ${dir} does not exist`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new AppError('VALIDATION_FAILED', `${file} is a folder; give a file name`);
  }
  // Written next to the target and renamed, so that a failure never leaves half a file.
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

export function registerProceduresCommands(program: Command): void {
  const procedures = program
    .command('procedures')
    .description('Standard procedures (steps 2–4): variants, versions, waste, the brief for an out-tasker');

  procedures
    .command('list')
    .description('Tasks with recorded ways of working or a standard procedure, and where each stands')
    .option(
      '--json',
      'print JSON: { procedures: [{ taskId, task, process, stage, activeVariants, retiredVariants, current, draft, ... }], stages: { <stage>: count } }',
      false,
    )
    .action(async (opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const { STAGE_LABELS, STAGES } = await stageNames();
        const rows = await app.procedures.list(actor);
        const progress = await app.procedures.progress(actor);
        if (opts.json) return printJson({ procedures: rows, stages: progress.counts });
        const counts = STAGES.map((s) => `${STAGE_LABELS[s]} ${progress.counts[s]}`).join(' · ');
        if (rows.length === 0) {
          process.stdout.write(
            `No procedures yet: record how people do a task in the web app (Procedures), or run outtask demo.\nTasks by step: ${counts}\n`,
          );
          return;
        }
        process.stdout.write(
          `${table(
            ['Task', 'Process', 'Step', 'Ways', 'Version', 'Minutes', 'After waste', 'Draft'],
            rows.map((r) => [
              truncate(r.task, 46),
              truncate(r.process, 26),
              STAGE_LABELS[r.stage],
              r.activeVariants
                ? `${r.activeVariants} open`
                : r.retiredVariants
                  ? `1 (of ${r.retiredVariants})`
                  : '1',
              r.current ? `v${r.current.number} ${r.current.status}` : '—',
              r.current ? minutes(r.current.minutes) : '—',
              r.current ? minutes(r.current.minutesAfterWaste) : '—',
              r.draft && r.draft.id !== r.current?.id ? `v${r.draft.number}` : '—',
            ]),
            ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'left'],
          )}\n${rows.length} tasks with procedures or variants. Tasks by step: ${counts}\n`,
        );
      });
    });

  procedures
    .command('show')
    .description("A task's progress, variants, and its current procedure step by step with costs")
    .argument('<task>', 'the task\'s id or name (or "Process / Task")')
    .option('--rev <n>', 'show this version instead of the current one')
    .option('--json', 'print the overview and the version as JSON', false)
    .action(async (taskRef: string, opts: { rev?: string; json: boolean }, cmd: Command) => {
      const wanted = versionNumber(opts.rev);
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const { STAGE_LABELS } = await stageNames();
        const o = await app.procedures.taskOverview(actor, taskRef);
        const chosen =
          wanted !== undefined
            ? o.versions.find((v) => v.number === wanted)
            : o.versions.find((v) => v.id === o.currentVersionId);
        if (wanted !== undefined && !chosen) {
          throw new AppError('VERSION_NOT_FOUND', `"${o.task.name}" has no version ${wanted}`);
        }
        const detail = chosen ? await app.procedures.getVersion(actor, chosen.id) : null;
        if (opts.json) return printJson({ ...o, version: detail });
        const lines: string[] = [];
        lines.push(`${o.task.name}  (${o.process})`);
        lines.push(`Step of the method: ${o.progress.step}/6 ${STAGE_LABELS[o.progress.stage]}`);
        for (const c of o.progress.checks)
          lines.push(`  ${c.done ? '✓' : '·'} ${STAGE_LABELS[c.stage]}: ${c.reason}`);
        const active = o.variants.filter((v) => v.status === 'active');
        const retired = o.variants.filter((v) => v.status === 'retired');
        lines.push(
          `Ways recorded: ${o.variants.length} (${active.length} in use, ${retired.length} retired by the standard)`,
        );
        if (o.versions.length) {
          lines.push(
            `Versions: ${o.versions.map((v) => `v${v.number} ${v.status}${v.approvedAt ? ` ${v.approvedAt.slice(0, 10)}` : ''}`).join(', ')}`,
          );
        }
        if (o.forms.length) {
          lines.push(
            `Forms: ${o.forms.map((f) => `"${f.name}" v${f.latest.number} (${f.latest.questions.length} questions)`).join(', ')}`,
          );
        }
        if (detail) {
          const v = detail.version;
          const e = detail.economics;
          lines.push('', `Version ${v.number} (${v.status}) — ${v.steps.length} steps`);
          if (v.purpose) lines.push(`Purpose: ${truncate(v.purpose, 200)}`);
          lines.push(
            table(
              ['#', 'Step', 'Who', 'Tool', 'Min', 'Cost', 'Waste'],
              v.steps.map((s, i) => {
                const c = e.steps[i]!;
                return [
                  String(i + 1),
                  truncate(s.name, 40),
                  truncate(
                    `${s.performer.kind === 'member' ? '' : `${s.performer.kind}: `}${s.performer.name}`,
                    30,
                  ),
                  truncate(s.tool || '—', 16),
                  String(s.minutes),
                  c.cost ? formatMoney(c.cost) : '—',
                  s.waste ? truncate(`✗ ${s.waste.reason}`, 50) : '',
                ];
              }),
              ['right', 'left', 'left', 'left', 'right', 'right', 'left'],
            ),
          );
          lines.push(
            `Before: ${minutes(e.before.minutes)}, ${formatMoney(e.before.perOccurrence)} per occurrence, ${formatMoney(e.before.perYear)} a year (${e.occurrencesPerYear} a year)`,
            `After cutting waste: ${minutes(e.after.minutes)}, ${formatMoney(e.after.perOccurrence)} per occurrence, ${formatMoney(e.after.perYear)} a year`,
            `Saving: ${minutes(e.saving.minutesPerOccurrence)} and ${formatMoney(e.saving.perOccurrence)} per occurrence; ${formatMoney(e.saving.perYear)} and ${e.saving.hoursPerYear} hours a year`,
          );
          for (const n of e.notes) lines.push(`  note: ${n}`);
        } else {
          lines.push('No standard procedure yet.');
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  procedures
    .command('export')
    .description(
      'Write the brief for an out-tasker: purpose, inputs, steps, forms, acceptance criteria, turnaround',
    )
    .argument('<task>', "the task's id or name")
    .addOption(new Option('--format <format>', 'docx or md').choices(['docx', 'md']).default('docx'))
    .requiredOption('--out <file>', 'where to write the brief')
    .option('--rev <n>', 'this version (default: the latest approved, else the draft)')
    .action(
      async (taskRef: string, opts: { format: 'docx' | 'md'; out: string; rev?: string }, cmd: Command) => {
        const version = versionNumber(opts.rev);
        await withApp(async (app) => {
          const actor = await cliActor(app, cmd);
          const file = await app.procedures.briefForTask(actor, taskRef, {
            format: opts.format,
            ...(version !== undefined ? { version } : {}),
          });
          writeOut(opts.out, file.bytes);
          const b = file.brief;
          process.stdout.write(
            `Wrote ${opts.out} (${opts.format}, ${file.bytes.length} bytes): "${b.title}" version ${b.version.number} ${b.version.status}, ${b.steps.length} steps, ${b.forms.length} forms${b.wasteLeftOut ? `, ${b.wasteLeftOut} waste steps left out` : ''}\n`,
          );
        });
      },
    );

  procedures
    .command('map')
    .description('Write the process map of a task’s procedure as SVG')
    .argument('<task>', "the task's id or name")
    .requiredOption('--out <file>', 'where to write the SVG')
    .option('--rev <n>', 'this version (default: the latest approved, else the draft)')
    .action(async (taskRef: string, opts: { out: string; rev?: string }, cmd: Command) => {
      const version = versionNumber(opts.rev);
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const o = await app.procedures.taskOverview(actor, taskRef);
        const chosen =
          version !== undefined
            ? o.versions.find((v) => v.number === version)
            : o.versions.find((v) => v.id === o.currentVersionId);
        if (!chosen) {
          throw new AppError(
            version !== undefined ? 'VERSION_NOT_FOUND' : 'PROCEDURE_NOT_FOUND',
            version !== undefined
              ? `"${o.task.name}" has no version ${version}`
              : `"${o.task.name}" has no procedure yet`,
          );
        }
        const map = await app.procedures.processMap(actor, chosen.id);
        writeOut(opts.out, map.svg);
        process.stdout.write(`Wrote ${opts.out}: process map of "${o.task.name}" version ${chosen.number}\n`);
      });
    });

  const forms = program
    .command('forms')
    .description('Standard forms (the interview form): the YAML `outtask deck --form` reads');

  forms
    .command('list')
    .description('Forms with their latest version and the task they belong to')
    .option(
      '--json',
      'print JSON: [{ id, name, taskId, taskName, versions, latest: { number, title, questions } }]',
      false,
    )
    .action(async (opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const list = await app.procedures.listForms(actor);
        if (opts.json) return printJson(list);
        if (list.length === 0) {
          process.stdout.write('No forms yet. Import one: outtask forms import FILE.yaml [--task TASK]\n');
          return;
        }
        process.stdout.write(
          `${table(
            ['Form', 'Title', 'Version', 'Questions', 'Task'],
            list.map((f) => [
              truncate(f.name, 32),
              truncate(f.latest.title, 32),
              `v${f.latest.number}`,
              String(f.latest.questions.length),
              truncate(f.taskName ?? '— (standalone)', 40),
            ]),
            ['left', 'left', 'left', 'right', 'left'],
          )}\n`,
        );
      });
    });

  forms
    .command('import')
    .description('Import a form from YAML: a new form, or the next version of the form with that name')
    .argument('<file>', 'the YAML file (title + questions with id, text, hint)')
    .option('--task <task>', "attach the form to this task's procedure (id or name)")
    .option('--name <name>', 'the form’s name (default: its title)')
    .action(async (file: string, opts: { task?: string; name?: string }, cmd: Command) => {
      if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
      if (fs.statSync(file).isDirectory())
        throw new AppError('VALIDATION_FAILED', `${file} is a folder, not a file`);
      const text = fs.readFileSync(file, 'utf8');
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const r = await app.procedures.importFormYaml(actor, {
          text,
          file: path.basename(file),
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.task ? { taskRef: opts.task } : {}),
        });
        const what = r.created
          ? `New form "${r.form.name}"`
          : r.unchanged
            ? `Form "${r.form.name}" unchanged (same as version ${r.version.number})`
            : `Form "${r.form.name}": version ${r.version.number}`;
        process.stdout.write(
          `${what}, ${r.version.questions.length} questions${r.form.taskName ? `, attached to "${r.form.taskName}"` : ''}\n`,
        );
      });
    });

  forms
    .command('export')
    .description('Write a form as YAML (for `outtask deck --form`)')
    .argument('<form>', 'the form’s name or id')
    .argument('<file>', 'where to write the YAML')
    .option('--rev <n>', 'this version (default: the latest)')
    .action(async (formRef: string, file: string, opts: { rev?: string }, cmd: Command) => {
      const version = versionNumber(opts.rev);
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const r = await app.procedures.exportFormYaml(actor, formRef, version);
        writeOut(file, r.yaml);
        process.stdout.write(
          `Wrote ${file}: "${r.version.title}" version ${r.version.number}, ${r.version.questions.length} questions\n`,
        );
      });
    });
}
