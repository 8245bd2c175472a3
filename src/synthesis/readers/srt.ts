/**
 * SubRip (.srt): numbered cues with "00:00:01,000 --> 00:00:04,000" timings, optional "Name:"
 * prefixes, wrapped lines, <i>/<font> markup and {\an8} codes; cues that break mid-sentence are
 * joined into one turn by the rules in turns.ts.
 */
import type { Turn } from '../types.ts';
import { cuesToTurns } from './cues.ts';
import { readCueBlocks } from './vtt.ts';

export function readSrt(file: string, lines: readonly string[]): Turn[] {
  // The index line before each timing is dropped by the block reader like a WebVTT cue id.
  const cues = readCueBlocks(lines, 0, { file, format: 'SRT', example: '00:01:02,500 --> 00:01:05,000' });
  return cuesToTurns(cues);
}
