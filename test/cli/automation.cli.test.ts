import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscript } from '../../src/synthesis/index.ts';
import { outtask } from '../helpers/cli.ts';
import { SHORT_INTERVIEW, speakInterview } from '../helpers/speech.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-auto-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outtask doctor', { timeout: 120_000 }, () => {
  it('says which tools and engines are present, and how to get the rest', () => {
    const r = outtask(['doctor', '--json'], { OUTTASK_DATA_DIR: dir });
    expect(r.code).toBe(0);
    const checks = JSON.parse(r.stdout) as { name: string; ok: boolean; detail: string }[];
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    for (const name of ['ffmpeg', 'ffprobe', 'engine pocketsphinx', 'LibreOffice'])
      expect(byName[name]?.ok).toBe(true);
    expect(byName['engine whisper']).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no model configured/),
    });
  });

  it('checks the whisper model the config names', () => {
    const notModel = path.join(dir, 'model.bin');
    fs.writeFileSync(notModel, 'not a model');
    const r = outtask(['doctor'], { OUTTASK_DATA_DIR: dir, OUTTASK_WHISPER_MODEL: notModel });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/absent\s+engine whisper\s+.*not a whisper\.cpp ggml model/);
  });
});

describe('outtask transcribe', { timeout: 240_000 }, () => {
  it('writes a transcript in the format its --out names, which the synthesis reads', async () => {
    const spoken = speakInterview(dir, [SHORT_INTERVIEW[1]!], { ext: 'mp3' });
    const out = path.join(dir, 'interview.srt');
    const r = outtask(
      ['transcribe', spoken.file, '--out', out],
      { OUTTASK_DATA_DIR: dir },
      { timeoutMs: 200_000 },
    );
    expect(r.stderr).toMatch(/pocketsphinx \(draft quality\): \d+ segments, 10 s of audio/);
    expect(r.code).toBe(0);
    const t = await readTranscript({ file: out, bytes: fs.readFileSync(out) });
    expect(t.format).toBe('srt');
    expect(t.turns.map((x) => x.text).join(' ')).toMatch(/nurses|booking|patients/);
  });

  it('refuses an unknown engine, a missing file and an output it cannot write, with exit codes', () => {
    const env = { OUTTASK_DATA_DIR: dir };
    const some = path.join(dir, 'x.wav');
    fs.writeFileSync(some, 'x');
    expect(outtask(['transcribe', some, '--engine', 'vosk'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown transcription engine "vosk"; choose pocketsphinx or whisper/),
    });
    expect(outtask(['transcribe', path.join(dir, 'nope.m4a')], env)).toMatchObject({ code: 3 });
    expect(outtask(['transcribe', some, '--out', 'x.docx'], env)).toMatchObject({ code: 2 });
    expect(outtask(['transcribe', some], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/x\.wav/),
    });
  });
});
