/**
 * A phone recording through every stage with the real tools: ffprobe, ffmpeg to 16 kHz WAV,
 * pocketsphinx, the blob store, redaction, hand-off (no form: no synthesis; no review required).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../../../test/factories/index.ts';
import { signedInApp } from '../../../test/helpers/app.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import { speakInterview } from '../../../test/helpers/speech.ts';
import { JobWorker } from '../../platform/jobs/index.ts';

describe.each(testDialects)('a recording through a pipeline on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-audio-run-'));
  let t: Awaited<ReturnType<typeof signedInApp>>;
  let m4a: string;

  beforeAll(async () => {
    m4a = speakInterview(dir).file;
    t = await signedInApp(dialect);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('probes, converts, transcribes, stores, redacts and hands off, each stage timed and logged', async () => {
    const actor = t.owner.actor;
    const firm = await storeFirm(t.services, actor, aSmallFirm());
    const svc = t.services.pipelines.service;
    const p = await svc.create(actor, {
      name: 'Clinic interviews',
      task: firm.deck.id,
      engine: 'pocketsphinx',
      reviewRequired: false,
      terms: 'org: head office\n',
    });
    const [o] = await svc.intake(
      actor,
      p.id,
      [{ name: 'clinic-manager.m4a', data: fs.createReadStream(m4a) }],
      'cli',
    );
    expect(o!.run!.inputKind).toBe('audio');
    await new JobWorker(t.services.jobs.queue, t.services.jobs.registry).drain();
    const { run, stages } = await svc.run(actor, o!.run!.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(stages.map((s) => [s.stage, s.state])).toEqual([
      ['probe', 'succeeded'],
      ['convert', 'succeeded'],
      ['transcribe', 'succeeded'],
      ['store', 'succeeded'],
      ['redact', 'succeeded'],
      ['synthesise', 'skipped'],
      ['handoff', 'succeeded'],
    ]);
    expect(stages[0]!.output).toMatchObject({ kind: 'audio', codec: 'aac' });
    expect(stages[2]!.log).toMatch(/engine pocketsphinx/);
    // Stored together: the recording as it came and its transcript.
    expect(run.outputs.audio).toMatchObject({ name: 'clinic-manager.m4a', sha256: run.inputSha256 });
    expect(run.outputs.transcript).toMatchObject({
      name: 'clinic-manager.vtt',
      engine: 'pocketsphinx',
      quality: 'draft',
    });
    const vtt = (await svc.output(actor, run.id, 'transcript')).bytes.toString('utf8');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt).toMatch(/\d\d:\d\d:\d\d\.\d{3} --> /);
    // pocketsphinx is draft quality, but the interview's common words come through.
    expect(vtt.toLowerCase()).toMatch(/office|clinics?|staff|approval|purchases|weeks/);
    // The 16 kHz WAV was a means only: no longer held once transcribed.
    expect(await t.services.blobs.refsOf('pipeline-run-work', run.id)).toEqual([]);
    const zip = await JSZip.loadAsync((await svc.output(actor, run.id, 'package')).bytes);
    expect(Object.keys(zip.files).some((n) => n.startsWith('transcripts/') && n.endsWith('.vtt'))).toBe(true);
  }, 240_000);
});
