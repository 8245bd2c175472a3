/**
 * Pipelines end to end through the real job queue, blob store and synthesis, on every dialect:
 * transcripts in, redacted, synthesised, reviewed, handed off; a bad file fails its own run; a
 * failed run is retried from its failed stage.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, aSmallFirm, storeFirm } from '../../../test/factories/index.ts';
import { signedInApp } from '../../../test/helpers/app.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import { ROOT_DIR } from '../../main.ts';
import { JobWorker } from '../../platform/jobs/index.ts';

const SAMPLES = path.join(ROOT_DIR, 'examples', 'executive-interviews');
const sample = (name: string) => ({ name, data: fs.readFileSync(path.join(SAMPLES, name)) });

describe.each(testDialects)('intake pipelines on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof signedInApp>>;
  let worker: JobWorker;
  let pipelineId: string;
  const actor = () => t.owner.actor;
  const svc = () => t.services.pipelines.service;

  beforeAll(async () => {
    t = await signedInApp(dialect);
    const firm = aSmallFirm();
    firm.members.push(aMember({ name: 'Maria Lopez' }), aMember({ name: 'Tobias Reinholt' }));
    await storeFirm(t.services, actor(), firm);
    const form = await t.services.procedures.importFormYaml(actor(), {
      text: fs.readFileSync(path.join(SAMPLES, 'form.yaml'), 'utf8'),
      file: 'form.yaml',
      taskRef: firm.deck.id,
    });
    const p = await svc().create(actor(), {
      name: 'Executive interviews',
      task: firm.deck.id,
      form: form.form.id,
      terms: 'term: supervisory board\n',
    });
    pipelineId = p.id;
    worker = new JobWorker(t.services.jobs.queue, t.services.jobs.registry);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('takes a transcript through probe, store, redact and synthesise, skipping the audio stages, then waits for review', async () => {
    const [o] = await svc().intake(actor(), pipelineId, [sample('executive-01.vtt')], 'upload');
    expect(o!.created).toBe(true);
    expect(o!.run!.status).toBe('queued');
    await worker.drain();
    const { run, stages } = await svc().run(actor(), o!.run!.id);
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.state]))).toEqual({
      probe: 'succeeded',
      convert: 'skipped',
      transcribe: 'skipped',
      store: 'succeeded',
      redact: 'succeeded',
      synthesise: 'succeeded',
      handoff: 'waiting',
    });
    expect(run.status).toBe('review');
    for (const s of stages.filter((x) => x.state === 'succeeded')) {
      expect(s.durationMs).toBeGreaterThanOrEqual(0);
      expect(s.startedAt).not.toBeNull();
      expect(s.log).toMatch(/done in/);
    }
    const redacted = (await svc().output(actor(), run.id, 'redacted')).bytes.toString('utf8');
    expect(redacted).not.toMatch(/Maria|Lopez|Tobias|Reinholt|supervisory board/i);
    expect(redacted).toMatch(/<v PERSON_\d+>/);
    const deck = await svc().output(actor(), run.id, 'deck');
    expect(deck.name).toMatch(/\.pptx$/);
    expect(deck.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('records every finding; the review adds a term and the hand-off is built from the reviewed redaction', async () => {
    const { id } = (await svc().runs(actor(), { pipeline: pipelineId }))[0]!;
    const review = t.services.pipelines.review;
    const before = await review.view(actor(), id);
    expect(before.findings.length).toBeGreaterThan(5);
    const maria = before.findings.find((f) => f.text === 'Maria');
    expect(maria).toMatchObject({ recognizer: 'list', decision: 'redacted' });
    expect(maria!.label).toMatch(/^PERSON_\d+$/);
    // Something the recognisers did not take: a word of the transcript staff want gone.
    expect(before.redactedText).toMatch(/two hours over/);
    await review.decide(actor(), id, { text: 'two hours over', action: 'redact' });
    expect((await review.view(actor(), id)).unapplied).toBe(true);
    const approved = await review.approve(actor(), id);
    expect(approved.revision).toBe(2);
    await worker.drain();
    const { run, stages } = await svc().run(actor(), id);
    expect(run.status).toBe('succeeded');
    expect(stages.find((s) => s.stage === 'handoff')!.state).toBe('succeeded');
    const zip = await JSZip.loadAsync((await svc().output(actor(), id, 'package')).bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toContain('README.txt');
    expect(names.some((n) => n.startsWith('transcripts/') && n.endsWith('.vtt'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pptx'))).toBe(true);
    const transcript = await zip
      .file(names.find((n) => n.startsWith('transcripts/') && !n.endsWith('/'))!)!
      .async('string');
    expect(transcript).not.toMatch(/two hours over|Maria|Reinholt/);
    expect(transcript).toMatch(/TERM_\d+/);
    // The key stays with the firm: no mapping in the package.
    expect(names.some((n) => /mapping|pseudonym/i.test(n))).toBe(false);
  }, 120_000);

  it('gives the same bytes the same run, and fails a bad file in its own run with the reason', async () => {
    const [again] = await svc().intake(actor(), pipelineId, [sample('executive-01.vtt')], 'cli');
    expect(again!.created).toBe(false);
    const outcomes = await svc().intake(
      actor(),
      pipelineId,
      [
        { name: 'broken.m4a', data: Buffer.from('this is no recording at all') },
        { name: 'notes.xlsx', data: Buffer.from('x') },
        sample('executive-02.txt'),
      ],
      'upload',
    );
    expect(outcomes[1]!.error!.code).toBe('INTAKE_FILE_UNSUPPORTED');
    await worker.drain();
    const broken = await svc().run(actor(), outcomes[0]!.run!.id);
    expect(broken.run.status).toBe('failed');
    expect(broken.run.error!.code).toBe('AUDIO_UNREADABLE');
    expect(broken.run.error!.message).toMatch(/broken\.m4a/);
    expect(broken.stages[0]).toMatchObject({ stage: 'probe', state: 'failed', attempts: 1 });
    expect(broken.stages.slice(1).every((s) => s.state === 'pending' || s.state === 'skipped')).toBe(true);
    const good = await svc().run(actor(), outcomes[2]!.run!.id);
    expect(good.run.status).toBe('review');

    // Retried: the failed stage runs again (and fails again, the file being what it is).
    const retried = await svc().retry(actor(), broken.run.id);
    expect(retried.status).toBe('queued');
    await worker.drain();
    const after = await svc().run(actor(), broken.run.id);
    expect(after.run.status).toBe('failed');
    expect(after.stages[0]).toMatchObject({ state: 'failed', attempts: 2 });
    await expect(svc().retry(actor(), good.run.id)).rejects.toMatchObject({ code: 'RUN_NOT_RETRYABLE' });
  }, 120_000);

  it('keeps the pseudonyms consistent across the pipeline’s runs', async () => {
    const runs = await svc().runs(actor(), { pipeline: pipelineId });
    const labels = new Map<string, Set<string>>();
    for (const r of runs) {
      if (!r.outputs.redacted) continue;
      for (const f of (await t.services.pipelines.review.view(actor(), r.id)).findings)
        if (f.label && f.recognizer === 'list')
          labels.set(f.label, (labels.get(f.label) ?? new Set()).add(f.text));
    }
    // One label per listed person across runs: Maria is the same PERSON_n everywhere she occurs.
    const maria = [...labels].filter(([, texts]) => [...texts].some((x) => /^Maria/.test(x)));
    expect(maria).toHaveLength(1);
  });
});
