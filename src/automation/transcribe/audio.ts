/**
 * Audio in: ffprobe says what a file is, ffmpeg turns m4a, mp3, wav, ogg, webm, mp4 (anything it
 * reads with an audio stream) into the 16 kHz mono 16-bit WAV every engine takes.
 */
import { AppError } from '../../platform/errors.ts';
import { runProcess } from '../run-process.ts';

export const AUDIO_EXTENSIONS = ['m4a', 'mp3', 'wav', 'ogg', 'oga', 'opus', 'webm', 'mp4', 'aac', 'flac'];

export interface AudioInfo {
  durationS: number;
  codec: string;
  container: string;
}

interface ProbeJson {
  format?: { duration?: string; format_name?: string };
  streams?: { codec_type?: string; codec_name?: string; duration?: string }[];
}

/** Reads ffprobe's JSON; pure, exported for tests. */
export function audioInfoFromProbe(file: string, json: string): AudioInfo {
  let probe: ProbeJson;
  try {
    probe = JSON.parse(json) as ProbeJson;
  } catch (cause) {
    throw new AppError('AUDIO_UNREADABLE', `${file}: ffprobe gave no readable answer`, { file }, { cause });
  }
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  if (!audio) {
    throw new AppError(
      'AUDIO_UNREADABLE',
      `${file}: has no audio stream; give a recording (m4a, mp3, wav, ogg, webm or mp4)`,
      { file },
    );
  }
  const durationS = Number(probe.format?.duration ?? audio.duration);
  if (!Number.isFinite(durationS) || durationS <= 0) {
    throw new AppError(
      'AUDIO_UNREADABLE',
      `${file}: the recording has no length (cut off while copying?); copy it again in full`,
      { file },
    );
  }
  return {
    durationS,
    codec: audio.codec_name ?? 'unknown',
    container: probe.format?.format_name ?? 'unknown',
  };
}

export async function probeAudio(file: string, signal?: AbortSignal): Promise<AudioInfo> {
  const { stdout } = await runProcess(
    'ffprobe',
    [
      '-v',
      'error',
      '-show_entries',
      'format=duration,format_name:stream=codec_type,codec_name,duration',
      '-of',
      'json',
      file,
    ],
    { what: `reading ${file}`, timeoutMs: 60_000, signal, failureCode: 'AUDIO_UNREADABLE' },
  );
  return audioInfoFromProbe(file, stdout);
}

/** Converts to 16 kHz mono 16-bit PCM WAV at `out` (overwritten). */
export async function convertToWav(
  file: string,
  out: string,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<void> {
  await runProcess(
    'ffmpeg',
    [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-i',
      file,
      '-vn',
      '-ac',
      '1',
      '-ar',
      '16000',
      '-c:a',
      'pcm_s16le',
      '-f',
      'wav',
      out,
    ],
    {
      what: `converting ${file} to 16 kHz WAV`,
      timeoutMs: opts.timeoutMs ?? 600_000,
      signal: opts.signal,
      failureCode: 'AUDIO_UNREADABLE',
    },
  );
}
