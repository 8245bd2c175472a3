/**
 * Crash test of the real intake pipeline, on both databases (issue 10): worker processes running the
 * whole app (test/helpers/intake-crash-worker.ts) carry runs through their real stages — a recording
 * through probe, convert (ffmpeg), transcribe (pocketsphinx), store, redact, hand-off; transcripts in
 * four formats through probe, store, redact, hand-off — while the test kills them with SIGKILL at
 * random (seeded) moments and starts new ones. In the end every run has ended exactly once
 * (succeeded, its job succeeded, each stage's commit logged once), nothing is lost (every run's
 * transcript, redaction and package there and readable) and no side effect is doubled (each file
 * held once per name, one pseudonym per name, no finding twice).
 *
 * A killed worker costs its jobs an attempt and a pipeline run has three: a worker is killed only
 * while no unfinished job is past its first attempt, so no run can be killed out of attempts (the
 * kills land; the outcome does not depend on when). Seed: CRASH_SEED (default fixed); printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../bench/corpus/rng.ts';
import { openApp, ROOT_DIR } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Db, openSqlite } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { aSmallFirm, aWorkspaceWithOwner, storeFirm } from '../factories/index.ts';
import { ROOT } from '../helpers/cli.ts';
import { type DialectName, freshDb, testDialects } from '../helpers/db.ts';
import { speakInterview } from '../helpers/speech.ts';

const SEED = Number(process.env.CRASH_SEED ?? 20261208);
const KILLS = 8;
const WORKERS = 2;
const SAMPLES = path.join(ROOT_DIR, 'examples', 'executive-interviews');
// Twelve transcripts: VTT, SRT, plain text and Whisper JSON.
const TRANSCRIPTS = fs
  .readdirSync(SAMPLES)
  .filter((f) => /^executive-\d+\.(vtt|srt|txt|json)$/.test(f))
  .sort()
  .slice(0, 12);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function openTarget(
  dialect: DialectName,
  dir: string,
): Promise<{ db: Db; env: Record<string, string> }> {
  const common = { CRASH_DATA_DIR: dir };
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'crash.db');
    const db = openSqlite(file);
    await migrateToLatest(db);
    return { db, env: { ...common, CRASH_DIALECT: 'sqlite', CRASH_TARGET: file } };
  }
  const db = await freshDb('postgres');
  return {
    db,
    env: {
      ...common,
      CRASH_DIALECT: 'postgres',
      CRASH_TARGET: process.env.TEST_DATABASE_URL!,
      CRASH_SCHEMA: db.schema!,
    },
  };
}

/** Starts a worker process; resolves once it is claiming. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'intake-crash-worker.ts')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects)('intake pipeline runs survive workers killed at random on %s', (dialect) => {
  it(`carries a recording and ${TRANSCRIPTS.length} transcripts to their hand-off exactly once through up to ${KILLS} kill -9s (seed ${SEED})`, {
    timeout: 900_000,
  }, async () => {
    const random = seededRng(SEED + (dialect === 'postgres' ? 1 : 0));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-intake-crash-'));
    dirs.push(dir);
    const m4a = speakInterview(path.join(dir, 'speech')).file;
    const { db, env } = await openTarget(dialect, dir);
    const app = await openApp(loadConfig({ OUTTASK_DATA_DIR: dir }), { db, migrate: false });
    const owner = await aWorkspaceWithOwner(app);
    const actor = owner.actor;
    const firm = await storeFirm(app, actor, aSmallFirm());
    const svc = app.pipelines.service;
    const pipeline = await svc.create(actor, {
      name: 'Crash interviews',
      task: firm.deck.id,
      engine: 'pocketsphinx',
      reviewRequired: false,
      terms: 'org: head office\n',
    });
    const files = [
      { name: 'clinic-manager.m4a', data: fs.createReadStream(m4a) },
      ...TRANSCRIPTS.map((f) => ({ name: f, data: fs.readFileSync(path.join(SAMPLES, f)) })),
    ];
    const intake = await svc.intake(actor, pipeline.id, files, 'cli');
    const runIds = intake.map((o) => o.run!.id);
    expect(runIds).toHaveLength(files.length);

    const k = db.kysely;
    const unfinished = () =>
      k
        .selectFrom('jobs')
        .select(['id', 'attempts', 'status'])
        .where('kind', '=', 'automation.pipeline-run')
        .where('status', 'in', ['queued', 'running'])
        .execute();

    const workers: { child: Promise<ChildProcess> }[] = [];
    let kills = 0;
    let spawned = 0;
    const spawnOne = () => {
      spawned++;
      const child = startWorker(env);
      child.catch(() => undefined);
      return { child };
    };
    try {
      for (let w = 0; w < WORKERS; w++) workers.push(spawnOne());
      while (kills < KILLS) {
        const victim = Math.floor(random.next() * workers.length);
        const child = await workers[victim]!.child;
        await sleep(300 + Math.floor(random.next() * 1500));
        const left = await unfinished();
        if (left.length === 0) break;
        // A job past its first attempt is let be: kills cannot run a run out of its attempts.
        if (left.some((j) => j.attempts > 1)) continue;
        child.kill('SIGKILL');
        kills++;
        workers[victim] = spawnOne();
      }
      const deadline = Date.now() + 600_000;
      while ((await unfinished()).length > 0 && Date.now() < deadline) await sleep(500);
    } finally {
      for (const w of workers) (await w.child.catch(() => undefined))?.kill('SIGKILL');
    }

    const jobs = await k
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'last_error'])
      .where('kind', '=', 'automation.pipeline-run')
      .execute();
    const runs = await k
      .selectFrom('pipeline_runs')
      .selectAll()
      .where('pipeline_id', '=', pipeline.id)
      .execute();
    const stages = await k.selectFrom('pipeline_stages').selectAll().where('run_id', 'in', runIds).execute();
    const refs = await k
      .selectFrom('blob_refs')
      .select(['owner_kind', 'owner_id', 'name'])
      .where('owner_id', 'in', runIds)
      .execute();
    const findings = await k
      .selectFrom('redaction_findings')
      .select(['run_id', 'revision', 'seq', 'start_offset', 'end_offset', 'location'])
      .where('run_id', 'in', runIds)
      .execute();
    const pseudonyms = await k
      .selectFrom('pipeline_pseudonyms')
      .select(['kind', 'key', 'label'])
      .where('pipeline_id', '=', pipeline.id)
      .execute();

    const retried = jobs.filter((j) => j.attempts > 1).length;
    const dupes = <T>(xs: T[], key: (x: T) => string) => {
      const seen = new Map<string, number>();
      for (const x of xs) seen.set(key(x), (seen.get(key(x)) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([key]) => key);
    };
    const doubledCommits = stages
      .filter((s) => s.state === 'succeeded' && (s.log.match(/ done in /g) ?? []).length !== 1)
      .map((s) => `${s.run_id}/${s.stage}`);
    const summary = `seed ${SEED}, ${dialect}: ${kills} kills, ${spawned} workers started, ${runs.length} runs, ${retried} taken over after a kill`;
    console.log(`intake crash test: ${summary}`);

    expect(kills, summary).toBeGreaterThanOrEqual(1);
    expect(retried, summary).toBeGreaterThan(0);
    // Every run ended once: succeeded, by its one job; every stage as planned, each commit logged once.
    expect(
      jobs.map((j) => [j.status, j.last_error === null || j.status === 'succeeded']),
      summary,
    ).toEqual(runIds.map(() => ['succeeded', true]));
    expect(runs.map((r) => [r.id, r.status, r.finished_at !== null]).sort(), summary).toEqual(
      runIds.map((id) => [id, 'succeeded', true]).sort(),
    );
    for (const id of runIds) {
      const own = stages.filter((s) => s.run_id === id);
      const audio = id === runIds[0];
      expect(Object.fromEntries(own.map((s) => [s.stage, s.state])), `${summary}; run ${id}`).toEqual({
        probe: 'succeeded',
        convert: audio ? 'succeeded' : 'skipped',
        transcribe: audio ? 'succeeded' : 'skipped',
        store: 'succeeded',
        redact: 'succeeded',
        synthesise: 'skipped',
        handoff: 'succeeded',
      });
    }
    expect(doubledCommits, summary).toEqual([]);
    // No side effect doubled: each file held once under each name, the WAV let go, one label per name
    // and one name per label, no finding recorded twice.
    expect(
      dupes(refs, (r) => `${r.owner_kind}/${r.owner_id}/${r.name}`),
      summary,
    ).toEqual([]);
    expect(
      refs.filter((r) => r.owner_kind === 'pipeline-run-work'),
      summary,
    ).toEqual([]);
    expect(
      dupes(pseudonyms, (p) => `${p.kind}/${p.key}`),
      summary,
    ).toEqual([]);
    expect(
      dupes(pseudonyms, (p) => p.label),
      summary,
    ).toEqual([]);
    expect(
      dupes(findings, (f) => `${f.run_id}/${f.revision}/${f.seq}`),
      summary,
    ).toEqual([]);
    expect(
      dupes(findings, (f) => `${f.run_id}/${f.revision}/${f.location}/${f.start_offset}-${f.end_offset}`),
      summary,
    ).toEqual([]);
    // Nothing lost: each run's transcript, redaction and package are there and read back whole.
    for (const [n, id] of runIds.entries()) {
      const names = refs
        .filter((r) => r.owner_id === id && r.owner_kind === 'pipeline-run')
        .map((r) => r.name);
      const made =
        n === 0 ? ['audio', 'package', 'redacted', 'transcript'] : ['package', 'redacted', 'transcript'];
      expect(names.sort(), `${summary}; run ${id}`).toEqual([`input/${files[n]!.name}`, ...made].sort());
      const zip = await JSZip.loadAsync((await svc.output(actor, id, 'package')).bytes);
      const redacted = (await svc.output(actor, id, 'redacted')).bytes.toString('utf8');
      const inZip = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith('transcripts/'));
      const own = await Promise.all(inZip.map((f) => f.async('string')));
      expect(own, `${summary}; run ${id}`).toContain(redacted);
    }
    await app.close();
  });
});
