import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outtask } from '../../test/helpers/cli.ts';
import { seedDataDir } from '../../test/helpers/data-dir.ts';
import { sampleInsights } from '../synthesis/deck/fixtures/sample-insights.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-syntheses-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
let id = '';

beforeAll(async () => {
  // A synthesis saved by the app, renamed once there.
  id = await seedDataDir(env, async (app, actor) => {
    const saved = await app.db.kysely.transaction().execute((trx) =>
      app.syntheses.saveRun(trx, {
        workspaceId: actor.workspace.id,
        userId: null,
        jobId: null,
        form: { name: 'Operating model interview', ref: null },
        engagement: 'Acme operating model',
        taskId: null,
        anonymized: true,
        files: [],
        keepTranscripts: false,
        insights: sampleInsights(),
        skipped: [],
      }),
    );
    await app.syntheses.edit(actor, saved, {
      op: 'rename',
      themeId: 'q2-t1',
      label: 'Head office approvals hold up every plant',
    });
    return saved;
  });
});

describe('outtask syntheses', { timeout: 180_000 }, () => {
  it('lists, shows, prints the edit log and exports the edited version', () => {
    const list = outtask(['syntheses', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id, engagement: 'Acme operating model', interviews: 24, version: 2, edits: 1 },
    ]);
    const show = outtask(['syntheses', 'show', id], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('engagement   Acme operating model');
    expect(show.stdout).toMatch(/q2-t1 {2}Head office approvals hold up every plant — 13 of 24/);
    const log = outtask(['syntheses', 'edits', id], env);
    expect(log.stdout).toMatch(
      /2 .*\(command line\) .*Renamed “Approvals take too long” to “Head office approvals/,
    );

    const deck = path.join(dir, 'deck.pptx');
    const md = path.join(dir, 'report.md');
    const json = path.join(dir, 'insights.json');
    const out = outtask(['syntheses', 'export', id, '--out', deck, '--md', md, '--json', json], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Wrote .*deck\.pptx \(\d+ slides, version 2\)/);
    expect(fs.readFileSync(deck).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readFileSync(md, 'utf8')).toContain('Head office approvals hold up every plant');
    const insights = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(insights.questions[1].themes[0].label).toBe('Head office approvals hold up every plant');

    const missing = outtask(['syntheses', 'show', 'nope'], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('No saved synthesis nope');
  });
});
