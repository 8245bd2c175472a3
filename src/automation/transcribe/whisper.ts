/**
 * whisper.cpp through the prebuilt addon of @fugood/whisper.node (`@fugood/node-whisper-<os>-<cpu>`,
 * CPU build; the wrapper package would also pull 250 MB of CUDA and Vulkan builds). Pure parts:
 * the model check, the child's script, its output. The firm supplies a ggml model file
 * (ggml-base.en.bin…); nothing is ever downloaded. A tinydiarize model (…-tdrz) marks speaker
 * turns, which become alternating "Speaker 1" / "Speaker 2".
 */
import type { Segment } from './segments.ts';

/** ggml's magic number as whisper.cpp reads it (uint32 little-endian 0x67676d6c). */
const GGML_MAGIC = [0x6c, 0x6d, 0x67, 0x67];

export function isGgmlModel(head: Uint8Array): boolean {
  return GGML_MAGIC.every((b, k) => head[k] === b);
}

/** Whether this model marks speaker turns (tinydiarize models carry "tdrz" in their name). */
export function isTdrzModel(model: string | undefined): boolean {
  return !!model && /tdrz/i.test(model.slice(model.lastIndexOf('/') + 1));
}

export function whisperAddonPackage(
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return `@fugood/node-whisper-${platform}-${arch}`;
}

export interface WhisperRawSegment {
  text: string;
  /** Milliseconds. */
  t0: number;
  t1: number;
}

const TURN = '[SPEAKER_TURN]';

/** Segments from whisper.cpp's; non-speech marks ("[BLANK_AUDIO]", "(music)") dropped. */
export function whisperSegments(raw: readonly WhisperRawSegment[], tdrz: boolean): Segment[] {
  const out: Segment[] = [];
  let speaker = 1;
  for (const s of raw) {
    const turn = s.text.includes(TURN);
    const text = s.text.replace(TURN, '').replace(/\s+/g, ' ').trim();
    const speech = text.replace(/\[[^\]]*\]|\([^)]*\)/g, '').trim();
    if (speech.length > 0) {
      out.push({
        start: s.t0 / 1000,
        end: s.t1 / 1000,
        text,
        ...(tdrz ? { speaker: `Speaker ${speaker}` } : {}),
      });
    }
    if (tdrz && turn) speaker = speaker === 1 ? 2 : 1;
  }
  return out;
}

export interface WhisperJob {
  addon: string;
  model: string;
  wav: string;
  threads: number;
  tdrz: boolean;
  language: string;
}

/**
 * The child process (CommonJS, run with `node -e`): reads a WhisperJob on stdin, prints JSON
 * lines {progress} and finally {segments}. A separate process so that a crash or a hang in the
 * native engine kills only the child, and a timeout can stop it.
 */
export const WHISPER_CHILD = `
const job = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
(async () => {
  const { WhisperContext } = require(job.addon);
  const ctx = await new WhisperContext({ filePath: job.model, useGpu: false });
  const segments = [];
  const { promise } = ctx.transcribeFile(job.wav, {
    language: job.language, maxThreads: job.threads, tdrzEnable: job.tdrz,
    onProgress: (p) => say({ progress: p / 100 }),
    onNewSegments: (r) => { for (const s of r.segments) segments.push({ text: s.text, t0: s.t0, t1: s.t1 }); },
  });
  const result = await promise;
  say({ segments: segments.length > 0 ? segments : result.segments });
  await ctx.release();
  process.exit(0);
})().catch((e) => { process.stderr.write('whisper: ' + (e && e.message ? e.message : String(e)) + '\\n'); process.exit(3); });
`;
