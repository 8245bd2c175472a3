/** outtask posts render | compile | show, run as a user would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeckWithHistory } from '../factories/index.ts';
import { outtask } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

describe('outtask posts', { timeout: 180_000 }, () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-posts-'));
    env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
    await seedDataDir(env, async (app, actor) => {
      const d = await aDeckWithHistory(app, actor);
      await app.procedures.approve(actor, d.v2.id);
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('render --json gives the marketplace, its fields and the warnings, before any post is stored', () => {
    const r = outtask(
      ['posts', 'render', 'Build the summary deck', '--marketplace', 'upwork', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.marketplace).toBe('upwork');
    expect(out.fields).toMatchObject({
      title: 'Deck designer: Build the summary deck',
      budgetType: 'fixed',
      budget: '440.00',
    });
    expect(typeof out.fields.description).toBe('string');
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('PRICE_CONVERTED');
    expect(out.post).toBeNull();
  });

  it('compile stores the post; render then names its version; an unknown marketplace is refused', () => {
    const c = outtask(['posts', 'compile', 'Build the summary deck', '--json'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ version: 1, procedureVersion: { number: 2 } });
    const r = outtask(
      ['posts', 'render', 'Build the summary deck', '--marketplace', 'generic', '--json'],
      env,
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ marketplace: 'generic', post: { version: 1 } });
    const text = outtask(['posts', 'render', 'Build the summary deck', '--marketplace', 'freelancer'], env);
    expect(text.stdout).toContain('== Project title (at most 100 characters)');
    const bad = outtask(['posts', 'render', 'Build the summary deck', '--marketplace', 'fiverr'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/fiverr/);
  });

  it('a task without an approved procedure is a clear error with its exit code', () => {
    const r = outtask(['posts', 'render', 'no such task', '--marketplace', 'upwork'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no such task/i);
  });
});
