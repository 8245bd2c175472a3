/** outtask worker; outtask jobs list|show|retry|cancel. */
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import type { JobDetailOutT, JobOutT } from '../platform/jobs/index.ts';
import { JOB_STATUSES, type JobLog, type JobStatus } from '../platform/jobs/index.ts';
import { config, printJson, withApp } from './context.ts';
import { table, truncate } from './format.ts';

/** One line per worker event on stderr: time, level, message, fields. */
export const stderrJobLog: JobLog = (level, message, fields = {}) => {
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v.split('\n')[0] : JSON.stringify(v)}`)
    .join(' ');
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${extra ? ` ${extra}` : ''}\n`);
};

function positiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('VALIDATION_FAILED', `${what} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

/** The -w workspace, when given: its jobs only; without it every job (the CLI is run by the server's operator). */
async function workspaceFilter(cmd: Command, resolve: (slug?: string) => Promise<{ id: string }>) {
  const named = cmd.optsWithGlobals<{ workspace?: string }>().workspace;
  return named ? (await resolve(named)).id : undefined;
}

function progressText(j: JobOutT): string {
  if (!j.progress) return '';
  const pct = j.progress.total > 0 ? ` ${Math.round((100 * j.progress.done) / j.progress.total)}%` : '';
  return `${j.progress.done}/${j.progress.total}${pct}${j.progress.message ? ` ${j.progress.message}` : ''}`;
}

function printDetail(j: JobDetailOutT): void {
  const lines = [
    `${j.label} (${j.kind})  ${j.id}`,
    `  status     ${j.status}${j.cancelRequested && j.status === 'running' ? ' (cancel requested)' : ''}`,
    `  attempts   ${j.attempts} of ${j.maxAttempts}`,
    `  created    ${j.createdAt}${j.createdBy ? ` by ${j.createdBy}` : ''}`,
    `  run at     ${j.runAt}`,
    ...(j.startedAt ? [`  started    ${j.startedAt}`] : []),
    ...(j.finishedAt ? [`  finished   ${j.finishedAt}`] : []),
    ...(j.lockedBy ? [`  worker     ${j.lockedBy}`] : []),
    ...(j.progress ? [`  progress   ${progressText(j)}`] : []),
    ...(j.steps.length ? [`  steps      ${j.steps.map((s) => s.key).join(', ')}`] : []),
    ...(j.lastErrorFull ? ['  last error', ...j.lastErrorFull.split('\n').map((l) => `    ${l}`)] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerJobsCommands(program: Command): void {
  program
    .command('worker')
    .description(
      'Run background jobs until stopped (Ctrl-C). PostgreSQL: start any number, on any machines; SQLite: `npm start` runs one already',
    )
    .option('-c, --concurrency <n>', 'jobs run at the same time by this worker', '1')
    .action(async (opts: { concurrency: string }) => {
      const concurrency = positiveInt(opts.concurrency, '--concurrency');
      const { openApp, startJobWorker } = await import('../main.ts');
      const app = await openApp(config());
      const worker = await startJobWorker(app, { concurrency, log: stderrJobLog });
      process.stderr.write(
        `Worker ${worker.id} running ${app.jobs.registry.kinds().join(', ') || 'no job types'} (concurrency ${concurrency}, data: ${app.db.where})\n`,
      );
      if (app.db.dialect === 'sqlite')
        process.stderr.write(
          '  (SQLite: safe beside `npm start`, which runs a worker of its own; this one polls)\n',
        );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stderr.write('Stopping: running jobs get 10 s to finish, then go back to the queue\n');
      await worker.stop({ graceMs: 10_000 });
      await app.close();
    });

  const jobs = program.command('jobs').description('Background jobs: list, show, retry, cancel');

  jobs
    .command('list')
    .description('Jobs, newest first (every workspace unless --workspace is given)')
    .option('--status <status>', `only jobs in this state: ${JOB_STATUSES.join(', ')}`)
    .option('--kind <kind>', 'only jobs of this kind, e.g. interviews.synthesis')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: string; kind?: string; limit: string; json?: boolean }, cmd: Command) => {
      if (opts.status && !JOB_STATUSES.includes(opts.status as JobStatus))
        throw new AppError(
          'VALIDATION_FAILED',
          `--status must be one of ${JOB_STATUSES.join(', ')} (got "${opts.status}")`,
        );
      const limit = positiveInt(opts.limit, '--limit');
      await withApp(async (app) => {
        const ws = await workspaceFilter(cmd, (s) => app.accounts.resolveWorkspace(s));
        const list = await app.jobs.workspace.list(ws, {
          ...(opts.status ? { status: opts.status as JobStatus } : {}),
          ...(opts.kind ? { kind: opts.kind } : {}),
          limit,
        });
        if (opts.json) return printJson(list.jobs);
        if (list.jobs.length === 0) return void process.stdout.write('No jobs\n');
        process.stdout.write(
          `${table(
            ['id', 'kind', 'status', 'tries', 'progress', 'created', 'last error'],
            list.jobs.map((j) => [
              j.id,
              j.kind,
              j.status + (j.cancelRequested && j.status === 'running' ? ' (cancelling)' : ''),
              `${j.attempts}/${j.maxAttempts}`,
              truncate(progressText(j), 30),
              j.createdAt.slice(0, 19).replace('T', ' '),
              truncate(j.lastError ?? '', 50),
            ]),
          )}\n`,
        );
      });
    });

  jobs
    .command('show')
    .description('One job: state, progress, attempts, steps and the whole last error')
    .argument('<id>', 'the job id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const ws = await workspaceFilter(cmd, (s) => app.accounts.resolveWorkspace(s));
        const job = await app.jobs.workspace.show(ws, id);
        if (opts.json) printJson(job);
        else printDetail(job);
      });
    });

  for (const [verb, description] of [
    [
      'retry',
      'Queue a dead or cancelled job again (it resumes after its finished steps), or run a waiting one now',
    ],
    ['cancel', 'Cancel a queued job at once; ask a running one to stop'],
  ] as const) {
    jobs
      .command(verb)
      .description(description)
      .argument('<id>', 'the job id')
      .option('--json', 'print JSON')
      .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        await withApp(async (app) => {
          const ws = await workspaceFilter(cmd, (s) => app.accounts.resolveWorkspace(s));
          const job = await app.jobs.workspace[verb](ws, id);
          if (opts.json) return printJson(job);
          const what =
            verb === 'retry'
              ? 'queued again'
              : job.status === 'cancelled'
                ? 'cancelled'
                : 'asked to stop (it is running; its handler stops at its next check)';
          process.stdout.write(`Job ${job.id} (${job.kind}) ${what}\n`);
        });
      });
  }
}
