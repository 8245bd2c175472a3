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
  it('asked for whisper without a model, names its own flag and the setting', () => {
    const wav = path.join(dir, 'no-model.wav');
    fs.writeFileSync(wav, 'not read: the model is missing first');
    const r = outtask(['transcribe', wav, '--engine', 'whisper'], { OUTTASK_DATA_DIR: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/whisper needs a model file: pass --model PATH or set OUTTASK_WHISPER_MODEL/);
  });

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

describe('outtask redact', { timeout: 120_000 }, () => {
  it('writes each transcript redacted in its own format under a redacted name, and the mapping', () => {
    const src = path.join(dir, 'in');
    const out = path.join(dir, 'redacted');
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(
      path.join(src, '10_joanne_pruett.vtt'),
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Pruett, Joanne>Thanks Devin, write to joanne@example.org.</v>\n',
    );
    fs.writeFileSync(
      path.join(src, 'devin-achterberg notes.txt'),
      'Devin Achterberg  0:01\nHi Joanne. Brindlemoor is next.\n',
    );
    const names = path.join(dir, 'names.txt');
    fs.writeFileSync(
      names,
      '# the engagement\nJoanne Pruett\nperson: Devin Achterberg\nclient: Brindlemoor Health Partners\n',
    );
    const r = outtask(
      [
        'redact',
        path.join(src, '10_joanne_pruett.vtt'),
        path.join(src, 'devin-achterberg notes.txt'),
        '--names',
        names,
        '--out',
        out,
      ],
      {
        OUTTASK_DATA_DIR: dir,
      },
    );
    expect(r.stderr).toMatch(/mapping\.json/);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['10_PERSON_1.vtt', 'PERSON_2 notes.txt', 'mapping.json']);
    expect(fs.readFileSync(path.join(out, '10_PERSON_1.vtt'), 'utf8')).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v PERSON_1>Thanks PERSON_2, write to EMAIL_1.</v>\n',
    );
    expect(fs.readFileSync(path.join(out, 'PERSON_2 notes.txt'), 'utf8')).toBe(
      'PERSON_2  0:01\nHi PERSON_1. CLIENT_1 is next.\n',
    );
    const mapping = JSON.parse(fs.readFileSync(path.join(out, 'mapping.json'), 'utf8')) as {
      files: { original: string; redacted: string }[];
      pseudonyms: { label: string; key: string }[];
    };
    expect(mapping.files.map((f) => [path.basename(f.original), f.redacted])).toEqual([
      ['10_joanne_pruett.vtt', '10_PERSON_1.vtt'],
      ['devin-achterberg notes.txt', 'PERSON_2 notes.txt'],
    ]);
    expect(mapping.pseudonyms.find((p) => p.label === 'CLIENT_1')?.key).toBe('Brindlemoor Health Partners');

    // A later batch of the same engagement keeps the numbering.
    fs.writeFileSync(
      path.join(src, 'later.srt'),
      '1\n00:00:01,000 --> 00:00:02,000\nDevin: Hello Marta Quill.\n',
    );
    fs.appendFileSync(names, 'Marta Quill\n');
    expect(
      outtask(['redact', path.join(src, 'later.srt'), '--names', names, '--out', out], {
        OUTTASK_DATA_DIR: dir,
      }).code,
    ).toBe(0);
    expect(fs.readFileSync(path.join(out, 'later.srt'), 'utf8')).toBe(
      '1\n00:00:01,000 --> 00:00:02,000\nPERSON_2: Hello PERSON_3.\n',
    );
  });

  it('refuses a names list it cannot read, and fails a bad file alone', () => {
    const names = path.join(dir, 'bad-names.txt');
    fs.writeFileSync(names, 'person: Joanne Pruett\nvendor: Orrin\n');
    expect(
      outtask(['redact', names, '--names', names, '--out', path.join(dir, 'o2')], { OUTTASK_DATA_DIR: dir }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/bad-names\.txt:2: unknown kind "vendor"/),
    });
    fs.writeFileSync(names, 'Joanne Pruett\n');
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"segments": [');
    const good = path.join(dir, 'good.txt');
    fs.writeFileSync(good, 'Joanne said hello.\n');
    const r = outtask(['redact', broken, good, '--names', names, '--out', path.join(dir, 'o3')], {
      OUTTASK_DATA_DIR: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/broken\.json: .*not valid JSON/);
    expect(fs.readFileSync(path.join(dir, 'o3', 'good.txt'), 'utf8')).toBe('PERSON_1 said hello.\n');
  });
});
