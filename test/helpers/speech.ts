/**
 * Speech made on the spot with espeak-ng: a short two-voice interview, converted with sox and
 * ffmpeg to the format a phone records (m4a). Tests and the transcription benchmark use it; the
 * reference text and each turn's times come with the audio.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SpeechTurn {
  speaker: 'Interviewer' | 'Interviewee';
  text: string;
}

/** The voices pocketsphinx reads best among espeak-ng's (measured: en-us+f5, en-us+m6). */
export const VOICES = { Interviewer: 'en-us+m6', Interviewee: 'en-us+f5' } as const;

export const SHORT_INTERVIEW: SpeechTurn[] = [
  { speaker: 'Interviewer', text: 'What gets in the way of the clinics performing at their best today?' },
  {
    speaker: 'Interviewee',
    text: 'Mostly staffing. We cannot hire enough nurses and the new scheduling system keeps double booking patients.',
  },
  { speaker: 'Interviewer', text: 'How do decisions flow between head office and the clinics?' },
  {
    speaker: 'Interviewee',
    text: 'Everything waits for approval from head office. Even small purchases take three weeks.',
  },
];

/** About two minutes: the benchmark's interview (the short one plus more turns). */
export const LONGER_INTERVIEW: SpeechTurn[] = [
  ...SHORT_INTERVIEW,
  { speaker: 'Interviewer', text: 'How well does the technology support your work?' },
  {
    speaker: 'Interviewee',
    text: 'The new system is slow and the reports never agree. We build the numbers by hand every Friday.',
  },
  { speaker: 'Interviewer', text: 'What are the most important people issues you see?' },
  {
    speaker: 'Interviewee',
    text: 'Pay is the problem. The hospital down the road pays our medical assistants more, so they leave after a year.',
  },
  { speaker: 'Interviewer', text: 'If you could change one thing, what would it be?' },
  {
    speaker: 'Interviewee',
    text: 'I would give the clinic managers their own budgets and let them decide on small things without waiting.',
  },
  { speaker: 'Interviewer', text: 'Thank you very much for your time today.' },
  { speaker: 'Interviewee', text: 'You are welcome. Good luck with the rest of the interviews.' },
];

export interface SpokenInterview {
  file: string;
  reference: string;
  durationS: number;
  turns: (SpeechTurn & { start: number; end: number })[];
}

const PAUSE_S = 0.8;
const RATE = 16_000;

function durationOf(wav: string): number {
  return Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim());
}

/** Writes the interview as `<dir>/<name>.<ext>` (ext: m4a, mp3, ogg, wav, webm…). */
export function speakInterview(
  dir: string,
  turns: readonly SpeechTurn[] = SHORT_INTERVIEW,
  opts: { name?: string; ext?: string; wordsPerMinute?: number } = {},
): SpokenInterview {
  fs.mkdirSync(dir, { recursive: true });
  const parts: string[] = [];
  const timed: SpokenInterview['turns'] = [];
  let t = PAUSE_S;
  turns.forEach((turn, k) => {
    const raw = path.join(dir, `turn-${k}.raw.wav`);
    const wav = path.join(dir, `turn-${k}.wav`);
    execFileSync('espeak-ng', [
      '-v',
      VOICES[turn.speaker],
      '-s',
      String(opts.wordsPerMinute ?? 130),
      '-w',
      raw,
      turn.text,
    ]);
    // Same rate and channels for every part, a pause after each turn. `-R`: sox dithers with a
    // random seed otherwise, so each run made different audio and pocketsphinx's WER on it ranged
    // 0.44–0.71 (CI failed at 0.71 on a bound of 0.65).
    execFileSync('sox', [
      '-R',
      raw,
      '-r',
      String(RATE),
      '-c',
      '1',
      '-b',
      '16',
      wav,
      'pad',
      k === 0 ? String(PAUSE_S) : '0',
      String(PAUSE_S),
    ]);
    const length = durationOf(wav);
    const spoken = length - PAUSE_S - (k === 0 ? PAUSE_S : 0);
    timed.push({ ...turn, start: t, end: t + spoken });
    t += spoken + PAUSE_S;
    parts.push(wav);
  });
  const joined = path.join(dir, `${opts.name ?? 'interview'}.joined.wav`);
  execFileSync('sox', ['-R', ...parts, joined]);
  const ext = opts.ext ?? 'm4a';
  const file = path.join(dir, `${opts.name ?? 'interview'}.${ext}`);
  if (ext === 'wav') fs.renameSync(joined, file);
  else
    execFileSync('ffmpeg', [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-i',
      joined,
      ...(ext === 'webm' ? ['-c:a', 'libopus'] : []),
      file,
    ]);
  for (const p of [...parts, ...parts.map((p) => p.replace(/\.wav$/, '.raw.wav')), joined])
    fs.rmSync(p, { force: true });
  return { file, reference: turns.map((x) => x.text).join(' '), durationS: t, turns: timed };
}
