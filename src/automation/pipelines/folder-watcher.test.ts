/**
 * The watched folder with real files: temporary and half-written files are left alone, a recording is
 * taken once its size and mtime settle and ffprobe reads it, a rescan after a restart takes nothing
 * twice, and a file that never becomes readable is taken to fail its own run with the reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, aWorkspaceWithOwner, storeFirm } from '../../../test/factories/index.ts';
import { freshDb, testDialects } from '../../../test/helpers/db.ts';
import { speakInterview } from '../../../test/helpers/speech.ts';
import { type AppServices, openApp } from '../../main.ts';
import { fixedClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { JobWorker } from '../../platform/jobs/index.ts';

const SETTLE = 5000;

describe.each(testDialects)('a watched folder on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-watch-'));
  const inbox = path.join(dir, 'inbox');
  const clock = fixedClock(new Date().toISOString());
  let app: AppServices;
  let pipelineId: string;
  let recording: Buffer;
  const past = () => new Date(clock.now().getTime() - 60_000);
  const put = (name: string, bytes: Buffer | string) => {
    const p = path.join(inbox, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
    fs.utimesSync(p, past(), past());
  };
  const watcher = () => app.pipelines.watcher({ settleMs: SETTLE, probeGraceMs: 20_000 });
  const runs = async () =>
    app.pipelines.service.runs(
      { workspace: (await app.accounts.resolveWorkspace()) as never, userId: null },
      {
        pipeline: pipelineId,
      },
    );

  beforeAll(async () => {
    recording = fs.readFileSync(speakInterview(path.join(dir, 'speech')).file);
    const config = loadConfig({ OUTTASK_DATA_DIR: path.join(dir, 'data') });
    app = await openApp(config, { db: await freshDb(dialect), clock });
    const owner = await aWorkspaceWithOwner(app);
    const firm = await storeFirm(app, owner.actor, aSmallFirm());
    fs.mkdirSync(inbox);
    pipelineId = (
      await app.pipelines.service.create(owner.actor, {
        name: 'Phone recordings',
        task: firm.deck.id,
        watchDir: inbox,
      })
    ).id;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a settled recording once, leaving temporary names and a half-copied recording alone', async () => {
    put('interview.m4a', recording);
    put('.interview-hidden.m4a', recording);
    put('interview-2.m4a.part', recording);
    put('.syncthing.interview-3.m4a.tmp', recording);
    put('~$notes.docx', 'lock');
    put('budget.xlsx', 'not a pipeline file');
    // A copy cut off halfway: the m4a index (moov) is at its end, so ffprobe cannot read it yet.
    put('sub/half.m4a', recording.subarray(0, Math.floor(recording.length / 2)));

    const w = watcher();
    const first = await w.scan();
    expect(first.taken).toEqual([]);
    expect(first.waiting.sort()).toEqual([
      path.join(inbox, 'interview.m4a'),
      path.join(inbox, 'sub/half.m4a'),
    ]);

    clock.advance(SETTLE);
    const second = await w.scan();
    expect(second.taken).toEqual([path.join(inbox, 'interview.m4a')]);
    expect(second.waiting).toEqual([path.join(inbox, 'sub/half.m4a')]);
    expect((await runs()).map((r) => r.fileName)).toEqual(['interview.m4a']);

    // The copy completes: it settles again from its new size, then is taken.
    put('sub/half.m4a', recording);
    clock.advance(1000);
    expect((await w.scan()).taken).toEqual([]);
    clock.advance(SETTLE);
    // Same bytes as interview.m4a: the pipeline already has them, so no second run.
    const third = await w.scan();
    expect(third.taken).toEqual([path.join(inbox, 'sub/half.m4a')]);
    expect((await runs()).length).toBe(1);
  }, 60_000);

  it('takes nothing twice after a restart, and fails a file that never becomes readable in its own run', async () => {
    put('renamed-copy.m4a', recording.subarray(0, recording.length - 1000)); // truncated: unreadable
    const restarted = watcher();
    expect((await restarted.scan()).taken).toEqual([]);
    clock.advance(SETTLE);
    // Still unreadable after settling: waits out the grace period in case the copy is still arriving.
    expect((await restarted.scan()).waiting).toEqual([path.join(inbox, 'renamed-copy.m4a')]);
    clock.advance(20_000);
    expect((await restarted.scan()).taken).toEqual([path.join(inbox, 'renamed-copy.m4a')]);
    expect((await restarted.scan()).taken).toEqual([]);

    const worker = new JobWorker(app.jobs.queue, app.jobs.registry);
    const all = await runs();
    expect(all.map((r) => r.fileName).sort()).toEqual(['interview.m4a', 'renamed-copy.m4a']);
    const bad = all.find((r) => r.fileName === 'renamed-copy.m4a')!;
    expect(bad.source).toBe('folder');
    expect(bad.sourcePath).toBe(path.join(inbox, 'renamed-copy.m4a'));
    // Only the bad file's job: the good one's is cancelled (its transcription is tested elsewhere).
    await app.jobs.queue.cancel(all.find((r) => r.fileName === 'interview.m4a')!.jobId!);
    while ((await runs()).find((r) => r.id === bad.id)!.status !== 'failed') await worker.runOnce();
    const failed = (await runs()).find((r) => r.id === bad.id)!;
    expect(failed.error).toMatchObject({ code: 'AUDIO_UNREADABLE' });
    expect(failed.error!.message).toMatch(/renamed-copy\.m4a/);
  }, 120_000);
});
