/** serve, setup, demo, db migrate, db housekeeping, backup, restore. */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { AppServices } from '../main.ts';
import { formatBytes } from '../platform/blobs/index.ts';
import { replayClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { config, withApp } from './context.ts';

function printDemoLogin(
  login: { workspace: { name: string }; email: string; password: string },
  url?: string,
): void {
  const lines = [
    `Demo workspace "${login.workspace.name}" created.`,
    `  Sign in${url ? ` at ${url}` : ''} as ${login.email}`,
    `  password: ${login.password}`,
    '  (change it with `outtask setup --email ... --password ...`)',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The demo's services, all of the one app (one database handle), with the clock its history replays on. */
function demoDeps(app: AppServices, clock: ReturnType<typeof replayClock>) {
  return {
    accounts: app.accounts,
    inventory: app.inventory,
    procedures: app.procedures,
    newId: app.deps.newId,
    outtasking: {
      outtaskers: app.outtaskers,
      marketplace: app.marketplace,
      workOrders: app.workOrders,
      clock,
    },
  };
}

export function registerSystemCommands(program: Command): void {
  program
    .command('serve')
    .description('Run the web app and API (creates the demo workspace on an empty database)')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--no-worker', 'run no background jobs here (PostgreSQL: `outtask worker` processes run them)')
    .action(async (opts: { port?: string; worker: boolean }) => {
      const cfg = config();
      const { buildHttpApp, openApp, startJobWorker } = await import('../main.ts');
      const { seedDemoWorkspace } = await import('../demo/index.ts');
      const app = await openApp(cfg);
      const url = `http://localhost:${opts.port ?? cfg.port}`;
      if ((await app.accounts.countWorkspaces()) === 0) {
        // Steps 1-5 only: the browser tests start here and out-task the flagship themselves;
        // `outtask demo` adds the months of out-tasked work.
        const login = await seedDemoWorkspace(
          {
            accounts: app.accounts,
            inventory: app.inventory,
            procedures: app.procedures,
            newId: app.deps.newId,
          },
          cfg.demoPassword ? { password: cfg.demoPassword } : {},
        );
        printDemoLogin(login, url);
      }
      const server = await buildHttpApp(app, { logger: true });
      // The embedded worker: SQLite's one worker, and on PostgreSQL one among any `outtask worker`s.
      const worker = opts.worker
        ? await startJobWorker(app, {
            log: (level, message, fields) => server.log[level]({ ...fields, worker: true }, message),
          })
        : undefined;
      const close = async () => {
        await server.close();
        await worker?.stop({ graceMs: 10_000 });
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await server.listen({ port: opts.port ? Number(opts.port) : cfg.port, host: cfg.host });
      process.stdout.write(`Outtask is running at ${url} (data: ${app.db.where})\n`);
    });

  program
    .command('setup')
    .description(
      'Create the first workspace and its owner, or set an owner login (asks when options are missing)',
    )
    .option('--email <email>', "owner's email")
    .option('--name <name>', "owner's name")
    .option('--password <password>', "owner's password (at least 10 characters)")
    .option('--workspace-name <name>', 'name of the firm (when there is no workspace yet)')
    .option('--currency <code>', 'currency of the workspace, e.g. USD, EUR', 'USD')
    .action(
      async (
        opts: { email?: string; name?: string; password?: string; workspaceName?: string; currency: string },
        cmd: Command,
      ) => {
        await withApp(async (app) => {
          const empty = (await app.accounts.countWorkspaces()) === 0;
          const ask = await prompter();
          try {
            const workspace = empty
              ? await app.accounts.createWorkspace({
                  name: opts.workspaceName ?? (await ask.question('Name of your firm: ')),
                  currency: opts.currency,
                })
              : await app.accounts.resolveWorkspace(cmd.optsWithGlobals<{ workspace?: string }>().workspace);
            const email = opts.email ?? (await ask.question('Owner email: '));
            const name = opts.name ?? (await ask.question('Owner name: '));
            const password = opts.password ?? (await ask.secret('Password (10+ characters): '));
            await app.accounts.upsertUser({
              email,
              name,
              password,
              workspaceId: workspace.id,
              role: 'owner',
            });
            process.stdout.write(
              `${email} is the owner of "${workspace.name}" (${workspace.slug}). Start with: npm start\n`,
            );
          } finally {
            ask.close();
          }
        });
      },
    );

  program
    .command('demo')
    .description('Create the demo workspace in the data directory (OUTTASK_DATA_DIR)')
    .option('--password <password>', "the demo owner's password (default: random, printed)")
    .action(async (opts: { password?: string }) => {
      const clock = replayClock();
      await withApp(
        async (app) => {
          const existing = (await app.accounts.listWorkspaces()).find((w) => w.settings.demo === true);
          if (existing) {
            throw new AppError(
              'DEMO_EXISTS',
              `The demo workspace already exists ("${existing.name}", ${existing.slug})`,
            );
          }
          const password = opts.password ?? config().demoPassword;
          const { seedDemoWorkspace } = await import('../demo/index.ts');
          const login = await seedDemoWorkspace(demoDeps(app, clock), password ? { password } : {});
          printDemoLogin(login);
        },
        { clock },
      );
    });

  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations')
    .action(async () => {
      const { openApp } = await import('../main.ts');
      const { migrateToLatest } = await import('../platform/db/migrator.ts');
      const app = await openApp(config(), { migrate: false });
      try {
        const r = await migrateToLatest(app.db);
        process.stdout.write(
          r.applied.length
            ? `Applied ${r.applied.join(', ')}\n`
            : `Already up to date (${r.latest ?? 'no migrations'})\n`,
        );
      } finally {
        await app.close();
      }
    });

  db.command('housekeeping')
    .description(
      'Remove stored files nothing references (older than OUTTASK_BLOB_GRACE_HOURS) and finished jobs older than OUTTASK_JOB_RETENTION_DAYS, now (workers also do it hourly)',
    )
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { runHousekeeping } = await import('../platform/housekeeping/index.ts');
      await withApp(async (app) => {
        const c = config();
        const r = await runHousekeeping(
          { blobs: app.blobs, queue: app.jobs.queue, now: app.deps.clock.now() },
          { jobRetentionDays: c.jobRetentionDays, blobGraceHours: c.blobGraceHours },
        );
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(r)}\n`
            : `Removed ${r.blobs.files} stored files (${r.blobs.rows} unreferenced, ${r.blobs.temporaries} stray temporaries) and ${r.jobsPruned} finished jobs\n`,
        );
      });
    });

  program
    .command('backup')
    .description(
      'Write a consistent snapshot of the whole database and the stored files it references to FILE (a tar; SQLite or PostgreSQL)',
    )
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const { writeBackup } = await import('../platform/backup/archive.ts');
      await withApp(async (app) => {
        const r = await writeBackup(app.db, app.blobs.store, file, app.deps.clock.now());
        process.stdout.write(
          `Backed up ${r.rows} rows of ${r.tables} tables and ${r.blobs} stored files (${formatBytes(r.blobBytes)}) to ${file}\n`,
        );
      });
    });

  program
    .command('restore')
    .description(
      'Replace the whole database with a backup written by `outtask backup`, and bring back its stored files',
    )
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
      const { restoreBackup, writeBackup } = await import('../platform/backup/archive.ts');
      await withApp(async (app) => {
        // What is replaced is kept: a backup of the current data goes to <data dir>/backups first.
        const now = app.deps.clock.now();
        const dir = path.join(config().dataDir, 'backups');
        fs.mkdirSync(dir, { recursive: true });
        const safety = path.join(
          dir,
          `before-restore-${now.toISOString().replace(/[:.]/g, '-')}.outtask-backup`,
        );
        await writeBackup(app.db, app.blobs.store, safety, now);
        const r = await restoreBackup(app.db, app.blobs.store, file);
        process.stdout.write(
          `Restored ${r.rows} rows of ${r.tables} tables and ${r.blobs} stored files from ${file} (previous data saved to ${safety})\n`,
        );
      });
    });
}

/** Questions on the terminal; a secret is read without echo. Refuses when stdin is not a terminal. */
async function prompter() {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const need = () => {
    if (!process.stdin.isTTY) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Missing options and no terminal to ask: pass --email, --name and --password',
      );
    }
  };
  return {
    async question(q: string): Promise<string> {
      need();
      return (await rl.question(q)).trim();
    },
    async secret(q: string): Promise<string> {
      need();
      const out = process.stdout as NodeJS.WriteStream & { _write?: unknown };
      process.stdout.write(q);
      const original = out.write.bind(out);
      out.write = (() => true) as typeof out.write;
      try {
        return await rl.question('');
      } finally {
        out.write = original;
        process.stdout.write('\n');
      }
    },
    close: () => rl.close(),
  };
}
