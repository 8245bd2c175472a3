/** `outtask pipelines …` and `outtask intake add`: intake pipelines from the command line. Thin. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AppServices } from '../main.ts';
import { AppError } from '../platform/errors.ts';
import { cliActor, printJson, withApp } from './context.ts';
import { table, truncate } from './format.ts';

type RunLike = {
  id: string;
  fileName: string;
  status: string;
  stage: string | null;
  error: { message: string } | null;
  createdAt: string;
};

function runRows(runs: RunLike[]): string {
  return table(
    ['run', 'file', 'status', 'stage', 'when', 'error'],
    runs.map((r) => [
      r.id,
      truncate(r.fileName, 40),
      r.status,
      r.stage ?? '',
      r.createdAt.slice(0, 16).replace('T', ' '),
      truncate(r.error?.message ?? '', 60),
    ]),
  );
}

const FINISHED = new Set(['succeeded', 'failed', 'review']);

/** Runs this process's own worker until the given runs stop (succeeded, failed, or waiting for review). */
async function waitFor(
  app: AppServices,
  actor: Awaited<ReturnType<typeof cliActor>>,
  ids: string[],
): Promise<void> {
  const { JobWorker } = await import('../platform/jobs/index.ts');
  const worker = new JobWorker(app.jobs.queue, app.jobs.registry, { pollMs: 200 });
  worker.start();
  const shown = new Map<string, string>();
  try {
    for (;;) {
      const runs = await Promise.all(ids.map((id) => app.pipelines.service.requireRun(actor, id)));
      for (const r of runs) {
        const line = `${r.fileName}: ${r.status}${r.stage ? ` (${r.stage})` : ''}`;
        if (shown.get(r.id) !== line) process.stderr.write(`${line}\n`);
        shown.set(r.id, line);
      }
      if (runs.every((r) => FINISHED.has(r.status))) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await worker.stop({ graceMs: 1000 });
  }
}

export function registerPipelinesCommands(program: Command): void {
  const pipelines = program
    .command('pipelines')
    .description('Intake pipelines: recordings and transcripts in, redacted hand-off out');

  pipelines
    .command('list')
    .description('The pipelines, with their runs per status')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withApp(async (app) => {
        const list = await app.pipelines.service.list(await cliActor(app, cmd));
        if (opts.json) return printJson(list);
        process.stdout.write(
          `${table(
            ['pipeline', 'id', 'form', 'folder', 'queued', 'running', 'review', 'done', 'failed'],
            list.map((p) => [
              p.name,
              p.id,
              p.formId ? 'yes' : '',
              p.watchDir ?? '',
              String(p.runs.queued),
              String(p.runs.running),
              String(p.runs.review),
              String(p.runs.succeeded),
              String(p.runs.failed),
            ]),
          )}\n`,
        );
      }),
    );

  pipelines
    .command('create')
    .description('Create a pipeline for a task')
    .argument('<name>', 'the pipeline’s name')
    .requiredOption('--task <task>', 'the task it belongs to (name or id)')
    .option('--form <form>', 'the interview form the synthesis uses (name or id); none: no synthesis')
    .option('--engine <engine>', 'pocketsphinx or whisper (default: whisper when a model is configured)')
    .option('--watch <dir>', 'a folder to take new files from (absolute path)')
    .option('--terms <file>', 'names and terms to redact, one a line (as `outtask redact --names` reads)')
    .option('--no-review', 'build the hand-off without waiting for a person to review the redaction')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        opts: {
          task: string;
          form?: string;
          engine?: string;
          watch?: string;
          terms?: string;
          review: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withApp(async (app) => {
          if (opts.terms && !fs.existsSync(opts.terms))
            throw new AppError('FILE_NOT_FOUND', `${opts.terms}: no such file`);
          const p = await app.pipelines.service.create(await cliActor(app, cmd), {
            name,
            task: opts.task,
            ...(opts.form ? { form: opts.form } : {}),
            ...(opts.engine ? { engine: opts.engine as 'pocketsphinx' } : {}),
            ...(opts.watch ? { watchDir: path.resolve(opts.watch) } : {}),
            ...(opts.terms ? { terms: fs.readFileSync(opts.terms, 'utf8') } : {}),
            reviewRequired: opts.review,
          });
          if (opts.json) return printJson(p);
          process.stdout.write(`Pipeline "${p.name}" (${p.id})\n`);
        }),
    );

  pipelines
    .command('show')
    .description('One pipeline and its latest runs')
    .argument('<pipeline>', 'name or id')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) =>
      withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const p = await app.pipelines.service.requirePipeline(actor, ref);
        const runs = await app.pipelines.service.runs(actor, { pipeline: p.id, limit: 20 });
        if (opts.json) return printJson({ ...p, runs });
        process.stdout.write(
          [
            `${p.name} (${p.id})`,
            `  task ${p.taskId}; form ${p.formId ?? 'none (no synthesis)'}; engine ${p.engine ?? 'default'}`,
            `  folder ${p.watchDir ?? 'none'}; review before hand-off: ${p.reviewRequired ? 'yes' : 'no'}`,
            '',
            runs.length ? runRows(runs) : 'No runs yet: outtask intake add FILES --pipeline …',
            '',
          ].join('\n'),
        );
      }),
    );

  pipelines
    .command('runs')
    .description('A pipeline’s runs, or one run with its stages, timings and logs')
    .argument('<pipeline>', 'pipeline name or id (or a run id with --run)')
    .option('--run', 'the argument is a run id: show that run’s stages and logs')
    .option('--status <status>', 'only runs in this status: queued, running, review, succeeded, failed')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { run?: boolean; status?: string; json?: boolean }, cmd: Command) =>
      withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        if (opts.run) {
          const d = await app.pipelines.service.run(actor, ref);
          if (opts.json) return printJson(d);
          const lines = [
            `${d.run.fileName} — ${d.run.status}${d.run.error ? `: ${d.run.error.message}` : ''}`,
            '',
          ];
          lines.push(
            table(
              ['stage', 'state', 'tries', 'seconds', 'error'],
              d.stages.map((s) => [
                s.stage,
                s.state,
                String(s.attempts),
                s.durationMs === null ? '' : (s.durationMs / 1000).toFixed(1),
                truncate(s.error?.message ?? '', 70),
              ]),
            ),
          );
          for (const s of d.stages) if (s.log) lines.push('', `[${s.stage}]`, s.log.trimEnd());
          process.stdout.write(`${lines.join('\n')}\n`);
          return;
        }
        const status = opts.status as 'queued' | undefined;
        const runs = await app.pipelines.service.runs(actor, {
          pipeline: ref,
          ...(status ? { status } : {}),
        });
        if (opts.json) return printJson(runs);
        process.stdout.write(`${runRows(runs)}\n`);
      }),
    );

  pipelines
    .command('retry')
    .description('Retry a failed run from its failed stage')
    .argument('<run>', 'the run id')
    .option('--wait', 'run the stages in this process and wait for the run to stop')
    .action(async (id: string, opts: { wait?: boolean }, cmd: Command) =>
      withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const run = await app.pipelines.service.retry(actor, id);
        process.stdout.write(`Run ${run.id} queued again from its failed stage\n`);
        if (opts.wait) await waitFor(app, actor, [run.id]);
      }),
    );

  program
    .command('intake')
    .description('Take files into a pipeline')
    .command('add')
    .description(
      'Take recordings (m4a, mp3, wav, ogg, webm, mp4) or transcripts (vtt, srt, txt, json, docx) into a pipeline',
    )
    .argument('<files...>', 'the files')
    .requiredOption('--pipeline <pipeline>', 'the pipeline (name or id)')
    .option(
      '--wait',
      'run the stages in this process and wait until each run succeeds, fails or waits for review',
    )
    .option('--json', 'print the outcome per file as JSON')
    .action(
      async (files: string[], opts: { pipeline: string; wait?: boolean; json?: boolean }, cmd: Command) =>
        withApp(async (app) => {
          const actor = await cliActor(app, cmd);
          const inputs = files.map((f) => {
            if (!fs.existsSync(f) || !fs.statSync(f).isFile())
              throw new AppError('FILE_NOT_FOUND', `${f}: no such file`);
            return { name: path.basename(f), data: fs.createReadStream(f), sourcePath: path.resolve(f) };
          });
          const outcomes = await app.pipelines.service.intake(actor, opts.pipeline, inputs, 'cli');
          if (opts.json) printJson(outcomes);
          else
            for (const o of outcomes)
              process.stdout.write(
                o.error
                  ? `${o.file}: ${o.error.message}\n`
                  : `${o.file} → run ${o.run!.id}${o.created ? '' : ' (already taken: the same bytes)'}\n`,
              );
          if (outcomes.some((o) => o.error)) process.exitCode = 2;
          const ids = outcomes.filter((o) => o.run).map((o) => o.run!.id);
          if (opts.wait && ids.length > 0) {
            await waitFor(app, actor, ids);
            const runs = await Promise.all(ids.map((id) => app.pipelines.service.requireRun(actor, id)));
            if (!opts.json) process.stdout.write(`${runRows(runs)}\n`);
            if (runs.some((r) => r.status === 'failed')) process.exitCode = 1;
          }
        }),
    );
}
