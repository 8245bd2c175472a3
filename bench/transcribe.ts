/**
 * Offline transcription: real-time factor (processing time / audio length) and word error rate per
 * engine, on a two-minute two-voice interview spoken by espeak-ng and recorded as m4a.
 * RTF on one core (one file at a time) and on both cores (two files at once: throughput), as wall
 * time and as the engines' CPU time (children's user+system from /proc, robust to a busy machine).
 * whisper runs only when OUTTASK_WHISPER_MODEL names a model file (none is shipped or downloaded).
 *
 *   node --import tsx bench/transcribe.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertToWav, type EngineId, transcribeWav, wordErrorRate } from '../src/automation/index.ts';
import { LONGER_INTERVIEW, speakInterview } from '../test/helpers/speech.ts';
import { writeResult } from './lib/report.ts';

/** CPU seconds used by this process's finished children (Linux /proc: cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is [0], so utime is [11], cutime [13], cstime [14].
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

async function measure(engine: EngineId, wav: string, durationS: number, reference: string, model?: string) {
  const runs: Record<string, unknown>[] = [];
  for (const parallel of [1, 2]) {
    const cpu0 = childrenCpuSeconds();
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: parallel }, () =>
        transcribeWav(wav, durationS, {
          engine,
          ...(model ? { model, threads: 2 / parallel } : {}),
          timeoutMs: 3_600_000,
        }),
      ),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = childrenCpuSeconds() - cpu0;
    const audio = durationS * parallel;
    const hypothesis = results[0]!.segments.map((s) => s.text).join(' ');
    runs.push({
      parallel,
      audioSeconds: round(audio, 1),
      wallSeconds: round(wall, 2),
      rtfWall: round(wall / audio),
      cpuSeconds: round(cpu, 2),
      rtfCpu: round(cpu / audio),
      wer: round(wordErrorRate(reference, hypothesis)),
    });
    console.log(engine, runs.at(-1));
  }
  return { engine, model: model ? path.basename(model) : undefined, runs };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-transcribe-'));
try {
  const spoken = speakInterview(dir, LONGER_INTERVIEW);
  const wav = path.join(dir, 'interview.wav');
  await convertToWav(spoken.file, wav);
  const engines = [await measure('pocketsphinx', wav, spoken.durationS, spoken.reference)];
  const model = process.env.OUTTASK_WHISPER_MODEL;
  const whisper = model
    ? await measure('whisper', wav, spoken.durationS, spoken.reference, model)
    : {
        engine: 'whisper',
        skipped: 'no model: set OUTTASK_WHISPER_MODEL to a ggml model file to measure it',
      };
  const file = writeResult('transcribe', {
    audio: {
      seconds: round(spoken.durationS, 1),
      words: spoken.reference.split(/\s+/).length,
      voices: 'espeak-ng en-us+m6 (interviewer), en-us+f5 (interviewee), 130 wpm, m4a',
    },
    loadAverageAtEnd: os.loadavg().map((l) => round(l, 1)),
    engines: [...engines, whisper],
  });
  console.log(`wrote ${file}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
