/**
 * Writing the chosen sentences as the answer and listing the passages they came from.
 */

import type { Citation } from './index.ts';
import type { QueryAnalysis } from './query.ts';
import type { AskIndex } from './units.ts';

/** The answer prose and its citations (one per cited turn, in transcript order). */
export function composeAnswer(
  index: AskIndex,
  _q: QueryAnalysis,
  chosen: number[],
  _maxWords: number,
): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  let lastKey = '';
  for (const i of chosen) {
    const u = index.units[i]!;
    const key = `${u.doc}:${u.turn}`;
    if (key === lastKey) {
      const c = citations[citations.length - 1]!;
      c.text = `${c.text} ${u.text}`;
    } else {
      citations.push({ interview: index.transcripts[u.doc]!.id, start: u.start, text: u.text });
      lastKey = key;
    }
  }
  const answer = chosen.map((i) => index.units[i]!.text).join(' ');
  return { answer, citations };
}
