/**
 * The retrieval units of `ask`: every sentence of every turn, cleaned of fillers, with its stemmed
 * content terms as integer ids. Built once per set of transcripts and reused across questions.
 */

import { contentTokens, removeFillers, splitSentences, stem, words } from '../text/index.ts';
import type { Transcript } from '../types.ts';

export interface Unit {
  /** Index of the transcript in the index's list. */
  doc: number;
  /** Index of the turn inside its transcript. */
  turn: number;
  speaker: string | null;
  start: number | null;
  /** The sentence, fillers removed, otherwise as spoken. */
  text: string;
  words: number;
  /** Term ids (stemmed content words), in order, repeats kept. */
  terms: Int32Array;
}

export interface AskIndex {
  transcripts: Transcript[];
  units: Unit[];
  /** [first, end) unit range of each transcript. */
  docRanges: [number, number][];
  /** Term id by stemmed term. */
  vocab: Map<string, number>;
  /** Number of units containing each term id. */
  df: Int32Array;
  /** Mean number of terms per unit. */
  avgTerms: number;
}

/** Split and clean every turn into sentence units and count term document frequencies. */
export function buildAskIndex(transcripts: Transcript[]): AskIndex {
  const units: Unit[] = [];
  const docRanges: [number, number][] = [];
  const vocab = new Map<string, number>();
  const dfCounts: number[] = [];
  let termTotal = 0;
  transcripts.forEach((t, doc) => {
    const first = units.length;
    t.turns.forEach((turn, ti) => {
      const cleaned = removeFillers(turn.text);
      if (!cleaned) return;
      for (const sentence of splitSentences(cleaned)) {
        const toks = words(sentence);
        const ids: number[] = [];
        for (const w of contentTokens(toks)) {
          const s = stem(w);
          let id = vocab.get(s);
          if (id === undefined) {
            id = vocab.size;
            vocab.set(s, id);
            dfCounts.push(0);
          }
          ids.push(id);
        }
        const terms = Int32Array.from(ids);
        for (const id of new Set(ids)) dfCounts[id]!++;
        termTotal += terms.length;
        units.push({
          doc,
          turn: ti,
          speaker: turn.speaker,
          start: turn.start,
          text: sentence,
          words: toks.length,
          terms,
        });
      }
    });
    docRanges.push([first, units.length]);
  });
  return {
    transcripts,
    units,
    docRanges,
    vocab,
    df: Int32Array.from(dfCounts),
    avgTerms: units.length ? termTotal / units.length : 0,
  };
}
