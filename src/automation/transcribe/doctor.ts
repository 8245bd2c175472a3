/**
 * `outtask doctor`: which programs, engines and models this machine has for automation, each with
 * what was found or how to get it.
 */
import { runProcess } from '../run-process.ts';
import { ENGINES } from './engines.ts';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** Required for the basics (ffmpeg, ffprobe, pocketsphinx) or optional (whisper, LibreOffice). */
  required: boolean;
  detail: string;
}

async function versionOf(
  command: string,
  args: string[],
  pick: (out: string) => string,
): Promise<string | null> {
  try {
    const { stdout } = await runProcess(command, args, { what: 'checking its version', timeoutMs: 60_000 });
    return pick(stdout).trim() || 'installed';
  } catch {
    return null;
  }
}

const firstLine = (s: string) => s.split('\n')[0] ?? '';

export async function runDoctor(opts: { whisperModel?: string } = {}): Promise<DoctorCheck[]> {
  const [ffmpeg, ffprobe, soffice, pocketsphinx, whisper] = await Promise.all([
    versionOf('ffmpeg', ['-version'], (s) => firstLine(s).replace(/ Copyright.*/, '')),
    versionOf('ffprobe', ['-version'], (s) => firstLine(s).replace(/ Copyright.*/, '')),
    versionOf('soffice', ['--version'], firstLine),
    ENGINES.pocketsphinx.check(),
    ENGINES.whisper.check(opts.whisperModel),
  ]);
  const tool = (name: string, found: string | null, required: boolean, hint: string): DoctorCheck => ({
    name,
    ok: found !== null,
    required,
    detail: found ?? `not found (${hint})`,
  });
  return [
    tool('ffmpeg', ffmpeg, true, 'apt-get install ffmpeg; converts recordings'),
    tool('ffprobe', ffprobe, true, 'apt-get install ffmpeg; reads recordings'),
    { name: 'engine pocketsphinx', required: true, ...pocketsphinx },
    { name: 'engine whisper', required: false, ...whisper },
    tool(
      'LibreOffice',
      soffice,
      false,
      'apt-get install libreoffice-impress libreoffice-writer; checks decks and briefs',
    ),
  ];
}
