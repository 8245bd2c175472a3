/**
 * The real engines end to end on speech made here with espeak-ng (two voices, converted to m4a as
 * a phone records). The audio is the same on every run (sox in repeatable mode), so PocketSphinx's
 * output is too: its WER on this interview is 0.46 (draft quality on synthetic speech); the bound
 * is that plus a margin for another build of the engine, and the words that matter must be there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpokenInterview, speakInterview } from '../../../test/helpers/speech.ts';
import { readTranscript } from '../../synthesis/index.ts';
import { audioInfoFromProbe, probeAudio } from './audio.ts';
import { ENGINES } from './engines.ts';
import { renderTranscript } from './formats.ts';
import { transcribeFile, transcribeWav } from './transcribe.ts';
import { wordErrorRate } from './wer.ts';
import { resolveWhisperAddon } from './whisper.engine.ts';

let dir: string;
let spoken: SpokenInterview;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-speech-'));
  spoken = speakInterview(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pocketsphinx on a spoken m4a interview', () => {
  it('transcribes it with timestamps, the key words recognisably there', { timeout: 240_000 }, async () => {
    const stages = new Set<string>();
    let lastProgress = 0;
    const result = await transcribeFile(spoken.file, {
      engine: 'pocketsphinx',
      onProgress: (stage, f) => {
        stages.add(stage);
        if (stage === 'transcribe') lastProgress = f;
      },
    });
    expect(result.engine).toBe('pocketsphinx');
    expect(result.quality).toBe('draft');
    expect(result.durationS).toBeCloseTo(spoken.durationS, 0);
    const text = result.segments.map((s) => s.text).join(' ');
    expect(wordErrorRate(spoken.reference, text)).toBeLessThan(0.55);
    for (const word of ['staffing', 'nurses', 'booking', 'patients', 'approval', 'office'])
      expect(text).toContain(word);
    // Segments in time order, inside the recording, each starting near a turn that was spoken.
    for (const [k, s] of result.segments.entries()) {
      expect(s.end).toBeGreaterThan(s.start);
      if (k > 0) expect(s.start).toBeGreaterThanOrEqual(result.segments[k - 1]!.end);
      expect(s.end).toBeLessThanOrEqual(spoken.durationS + 0.5);
    }
    const secondTurn = result.segments.find((s) => s.text.includes('staffing'))!;
    expect(secondTurn.start).toBeCloseTo(spoken.turns[1]!.start, 0);
    expect([...stages]).toEqual(['probe', 'convert', 'transcribe']);
    expect(lastProgress).toBe(1);

    // What it writes, the synthesis reads: one speaker, timed turns.
    const vtt = renderTranscript(result, 'vtt');
    const t = await readTranscript({ file: 'interview.vtt', bytes: new TextEncoder().encode(vtt) });
    expect(t.turns.length).toBeGreaterThan(0);
    expect(t.turns[0]!.start).toBeCloseTo(result.segments[0]!.start, 2);
  });

  it('stops the engine at its time limit with TRANSCRIPTION_TIMEOUT', async () => {
    const wav = path.join(dir, 'slow.wav');
    const { convertToWav } = await import('./audio.ts');
    await convertToWav(spoken.file, wav);
    await expect(
      transcribeWav(wav, spoken.durationS, { engine: 'pocketsphinx', timeoutMs: 50 }),
    ).rejects.toMatchObject({
      code: 'TRANSCRIPTION_TIMEOUT',
    });
  });

  it('stops when the pipeline cancels it (AbortSignal)', async () => {
    const controller = new AbortController();
    const run = transcribeFile(spoken.file, {
      engine: 'pocketsphinx',
      signal: controller.signal,
      onProgress: (stage) => {
        if (stage === 'transcribe') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'TRANSCRIPTION_CANCELLED' });
  });
});

describe('bad recordings', () => {
  it('a file with no audio in it fails with AUDIO_UNREADABLE naming the file', async () => {
    const notAudio = path.join(dir, 'notes.m4a');
    fs.writeFileSync(notAudio, 'these are my notes, not a recording');
    await expect(transcribeFile(notAudio)).rejects.toMatchObject({
      code: 'AUDIO_UNREADABLE',
      message: expect.stringContaining('notes.m4a'),
    });
  });

  it('a recording cut off while copying fails with AUDIO_UNREADABLE', async () => {
    const whole = fs.readFileSync(spoken.file);
    const cut = path.join(dir, 'cut.m4a');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 3)));
    await expect(probeAudio(cut)).rejects.toMatchObject({ code: 'AUDIO_UNREADABLE' });
  });

  it('a video without a sound track is refused', () => {
    expect(() =>
      audioInfoFromProbe('screen.mp4', '{"streams":[{"codec_type":"video"}],"format":{"duration":"3"}}'),
    ).toThrow(/no audio stream/);
  });
});

describe('whisper.cpp (the prebuilt addon, with a model the firm supplies)', () => {
  it('the addon for this platform is installed with the app', () => {
    expect(resolveWhisperAddon()).toMatch(/node-whisper-.*index\.node$/);
  });

  it('without a model it says how to give one', async () => {
    expect((await ENGINES.whisper.check()).detail).toMatch(/no model configured/);
    await expect(transcribeFile(spoken.file, { engine: 'whisper' })).rejects.toMatchObject({
      code: 'ENGINE_UNAVAILABLE',
      message: expect.stringContaining('never downloads'),
    });
  });

  it('a file that is not a ggml model is refused before the engine starts (MODEL_INVALID)', async () => {
    await expect(
      transcribeFile(spoken.file, { engine: 'whisper', model: spoken.file }),
    ).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
  });

  it('a damaged model fails in the child process, not in ours (TRANSCRIPTION_FAILED)', {
    timeout: 60_000,
  }, async () => {
    const broken = path.join(dir, 'ggml-broken.bin');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from([0x6c, 0x6d, 0x67, 0x67]), Buffer.alloc(64, 7)]));
    await expect(transcribeFile(spoken.file, { engine: 'whisper', model: broken })).rejects.toMatchObject({
      code: 'TRANSCRIPTION_FAILED',
      message: expect.stringContaining('whisper'),
    });
  });
});
