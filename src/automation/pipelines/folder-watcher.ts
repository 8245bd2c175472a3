/**
 * Watched folders: every pipeline with a folder is scanned on an interval (polling works on network
 * mounts and sync-client folders alike, where change events are missing or early). A file is taken
 * once its size and mtime have settled (settle.ts) and ffprobe reads it (a recording still being
 * written does not parse); it is copied out first and taken only if it did not change while copied.
 * Each taken (or refused) file is recorded with its size and mtime, so a rescan — at start, after a
 * restart — takes none twice; the same bytes under another name are the same run (sha256).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import { isAppError } from '../../platform/errors.ts';
import { probeAudio } from '../transcribe/audio.ts';
import { inputKindOf, type Pipeline } from './pipeline.ts';
import type { IntakeFile, IntakeOutcome } from './pipelines.service.ts';
import { type FileStat, isCandidate, isSettled, type Observation, observe } from './settle.ts';

export interface WatcherPorts {
  /** Pipelines with a folder to watch, in every workspace. */
  watched(): Promise<(Pipeline & { workspaceId: string })[]>;
  seen(pipelineId: string, f: FileStat): Promise<boolean>;
  intake(workspaceId: string, pipelineId: string, file: IntakeFile): Promise<IntakeOutcome>;
  record(
    pipelineId: string,
    f: FileStat & { sha256: string | null; runId: string | null; outcome: 'taken' | 'duplicate' | 'refused' },
  ): Promise<void>;
}

export interface WatcherOptions {
  /** Between scans (default 2 s). */
  intervalMs?: number;
  /** Size and mtime unchanged this long (default 5 s). */
  settleMs?: number;
  /** A settled recording ffprobe cannot read is taken anyway (to fail its run with the reason) after this long (default 60 s). */
  probeGraceMs?: number;
  clock: Clock;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

export interface ScanReport {
  taken: string[];
  waiting: string[];
  errors: { path: string; message: string }[];
}

const MAX_DEPTH = 4;

async function listFiles(dir: string, depth = 0): Promise<FileStat[]> {
  const out: FileStat[] = [];
  const entries = await fs.promises.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth < MAX_DEPTH) out.push(...(await listFiles(p, depth + 1)));
    else if (e.isFile() && isCandidate(e.name)) {
      const s = await fs.promises.stat(p).catch(() => undefined);
      if (s) out.push({ path: p, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) });
    }
  }
  return out;
}

export class FolderWatcher {
  readonly #ports: WatcherPorts;
  readonly #opts: Required<Omit<WatcherOptions, 'log'>> & Pick<WatcherOptions, 'log'>;
  #observations = new Map<string, Map<string, Observation>>();
  #timer: NodeJS.Timeout | undefined;
  #scanning: Promise<ScanReport> | undefined;
  #stopped = false;

  constructor(ports: WatcherPorts, opts: WatcherOptions) {
    this.#ports = ports;
    this.#opts = {
      intervalMs: opts.intervalMs ?? 2000,
      settleMs: opts.settleMs ?? 5000,
      probeGraceMs: opts.probeGraceMs ?? 60_000,
      clock: opts.clock,
      log: opts.log,
    };
  }

  /** Scans at once (the rescan at start), then every interval. */
  start(): void {
    this.#stopped = false;
    const tick = async () => {
      await this.scan().catch((err) => this.#opts.log?.('warn', 'folder scan failed', { err: String(err) }));
      // Unref'd: a watcher never keeps the process alive on its own.
      if (!this.#stopped) this.#timer = setTimeout(tick, this.#opts.intervalMs).unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#scanning?.catch(() => undefined);
  }

  /** One pass over every watched folder (scans never overlap). */
  scan(): Promise<ScanReport> {
    this.#scanning ??= this.#scanAll().finally(() => {
      this.#scanning = undefined;
    });
    return this.#scanning;
  }

  async #scanAll(): Promise<ScanReport> {
    const report: ScanReport = { taken: [], waiting: [], errors: [] };
    for (const p of await this.#ports.watched()) {
      if (this.#stopped) break;
      await this.#scanOne(p, report).catch((err) => {
        report.errors.push({
          path: p.watchDir ?? '',
          message: err instanceof Error ? err.message : String(err),
        });
      });
    }
    return report;
  }

  async #scanOne(p: Pipeline & { workspaceId: string }, report: ScanReport): Promise<void> {
    const dir = p.watchDir!;
    const now = this.#opts.clock.now().getTime();
    const listing = await listFiles(dir);
    const fresh: FileStat[] = [];
    for (const f of listing) if (!(await this.#ports.seen(p.id, f))) fresh.push(f);
    const obs = observe(this.#observations.get(p.id) ?? new Map(), fresh, now);
    this.#observations.set(p.id, obs);
    for (const f of fresh) {
      const o = obs.get(f.path)!;
      if (!isSettled(o, now, this.#opts.settleMs)) {
        report.waiting.push(f.path);
        continue;
      }
      if (inputKindOf(f.path) === 'audio') {
        const readable = await probeAudio(f.path).then(
          () => true,
          () => false,
        );
        if (!readable && now - o.since < this.#opts.probeGraceMs) {
          report.waiting.push(f.path);
          continue;
        }
      }
      await this.#take(p, f, report);
      obs.delete(f.path);
    }
  }

  /** Copies the file out, checks it did not change meanwhile, and hands the copy to the pipeline. */
  async #take(p: Pipeline & { workspaceId: string }, f: FileStat, report: ScanReport): Promise<void> {
    const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'outtask-intake-'));
    try {
      const copy = path.join(tmp, path.basename(f.path));
      await fs.promises.copyFile(f.path, copy);
      const after = await fs.promises.stat(f.path).catch(() => undefined);
      if (!after || after.size !== f.size || Math.trunc(after.mtimeMs) !== f.mtimeMs) {
        report.waiting.push(f.path); // changed while copied: settle again
        this.#observations.get(p.id)?.delete(f.path);
        return;
      }
      const outcome = await this.#ports.intake(p.workspaceId, p.id, {
        name: path.basename(f.path),
        data: fs.createReadStream(copy),
        sourcePath: f.path,
      });
      await this.#ports.record(p.id, {
        ...f,
        sha256: outcome.run?.inputSha256 ?? null,
        runId: outcome.run?.id ?? null,
        outcome: outcome.error ? 'refused' : outcome.created ? 'taken' : 'duplicate',
      });
      if (outcome.error) report.errors.push({ path: f.path, message: outcome.error.message });
      else report.taken.push(f.path);
      this.#opts.log?.('info', `took ${f.path}`, {
        pipeline: p.name,
        run: outcome.run?.id,
        created: outcome.created,
      });
    } catch (err) {
      if (!isAppError(err)) throw err;
      report.errors.push({ path: f.path, message: err.message });
    } finally {
      await fs.promises.rm(tmp, { recursive: true, force: true });
    }
  }
}
