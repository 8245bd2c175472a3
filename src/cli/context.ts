/** What CLI commands share: the config (read once from the environment), the app, the workspace to act on. */
import type { Command } from 'commander';
import type { Workspace } from '../accounts/index.ts';
import type { InventoryActor } from '../inventory/index.ts';
import type { AppServices } from '../main.ts';
import type { Clock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/** Opens the app, runs the command, always closes the database. */
export async function withApp<T>(
  fn: (app: AppServices) => Promise<T>,
  opts: { clock?: Clock } = {},
): Promise<T> {
  // Loaded on demand: `outtask --help` and the synthesis commands need none of the server side.
  const { openApp } = await import('../main.ts');
  const app = await openApp(config(), opts.clock ? { clock: opts.clock } : {});
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * The workspace a command acts on: the one named with --workspace, or the only one. On an empty
 * data directory an empty workspace is started, so that `outtask tasks import` works at once.
 */
export async function workspaceFor(app: AppServices, cmd: Command): Promise<Workspace> {
  const named = cmd.optsWithGlobals<{ workspace?: string }>().workspace;
  if (!named && (await app.accounts.countWorkspaces()) === 0) {
    return app.accounts.createWorkspace({ name: 'My firm', currency: 'USD' });
  }
  return app.accounts.resolveWorkspace(named);
}

export async function cliActor(app: AppServices, cmd: Command): Promise<InventoryActor> {
  return { workspace: await workspaceFor(app, cmd), userId: null };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
