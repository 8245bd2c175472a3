/** A data directory filled in-process with test/factories, before the CLI runs over it. */
import { type AppServices, openApp } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { aWorkspace, type FactoryActor } from '../factories/accounts.ts';

/**
 * Builds a data directory's content in-process, the way the CLI will find it: one workspace (the
 * only one, so commands need no --workspace) and whatever `build` adds with test/factories.
 */
export async function seedDataDir<T>(
  env: Record<string, string>,
  build: (app: AppServices, actor: FactoryActor) => Promise<T>,
): Promise<T> {
  const app = await openApp(loadConfig(env));
  try {
    const { actor } = await aWorkspace(app, { name: 'Test firm' });
    return await build(app, actor);
  } finally {
    await app.close();
  }
}
