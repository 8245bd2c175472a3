/** The whole app over a fresh database of one dialect, with the HTTP layer driven through inject. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoWorkspace } from '../../src/demo/index.ts';
import { type AppServices, buildHttpApp, openApp } from '../../src/main.ts';
import { type Clock, systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { App } from '../../src/platform/http/server.ts';
import { aWorkspaceWithOwner } from '../factories/accounts.ts';
import { type DialectName, freshDb } from './db.ts';

export const DEMO_PASSWORD = 'demo-password-1';

export interface TestApp {
  services: AppServices;
  http: App;
  /** Signs in and returns the cookie header to send with later requests. */
  login(email: string, password: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function testApp(
  dialect: DialectName,
  opts: { clock?: Clock; env?: Record<string, string>; poolMax?: number } = {},
): Promise<TestApp> {
  const db = await freshDb(dialect, opts.poolMax ? { poolMax: opts.poolMax } : {});
  // A data directory of its own: stored files (blobs) of one test never meet another's.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-test-'));
  const config = loadConfig({
    OUTTASK_DATA_DIR: dataDir,
    // A field a route's response schema forgot fails the test instead of vanishing from the answer.
    OUTTASK_STRICT_RESPONSES: 'true',
    ...opts.env,
  });
  const services = await openApp(config, { db, clock: opts.clock ?? systemClock });
  const http = await buildHttpApp(services, { web: false });
  return {
    services,
    http,
    async login(email, password) {
      const r = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (r.statusCode !== 200) throw new Error(`login failed: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((x) => x.name === 'outtask_session');
      if (!c) throw new Error('no session cookie');
      return { outtask_session: c.value };
    },
    close: async () => {
      await http.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test app with one workspace and its owner signed in (no other data: the test builds what it needs
 * with test/factories).
 */
export async function signedInApp(
  dialect: DialectName,
  opts: { clock?: Clock; env?: Record<string, string>; poolMax?: number } = {},
) {
  const app = await testApp(dialect, opts);
  const owner = await aWorkspaceWithOwner(app.services);
  const cookies = await app.login(owner.email, owner.password);
  return { ...app, owner, cookies };
}

/** A test app with the demo workspace, for the demo's own tests; returns the owner's cookies too. */
export async function demoApp(dialect: DialectName, opts: { clock?: Clock } = {}) {
  const app = await testApp(dialect, opts);
  const login = await seedDemoWorkspace(
    {
      accounts: app.services.accounts,
      inventory: app.services.inventory,
      procedures: app.services.procedures,
      newId: app.services.deps.newId,
    },
    { password: DEMO_PASSWORD },
  );
  const cookies = await app.login(login.email, DEMO_PASSWORD);
  return { ...app, demo: login, cookies };
}
