/**
 * Writing the chosen sentences as the answer, in reported speech, and listing the passages they
 * came from. The answer restates the question's topic ("The group discussed the budget."), then
 * reports each sentence with its speaker ("Dana said that they…", "Dana added that…").
 */

import { countWords } from '../text/index.ts';
import { keyPhrases, listPhrase } from './keyphrases.ts';
import { type QueryAnalysis, speakerName } from './query.ts';
import { reportClause, shiftClause } from './reported.ts';
import type { Citation } from './types.ts';
import type { AskIndex } from './units.ts';

/** How a speaker is named in an answer; unlabelled transcripts get "The speaker". */
export function displayName(label: string | null): string {
  return label === null ? 'The speaker' : speakerName(label);
}

/** The opening sentence that restates the question's topic, or '' when there is none. */
export function opener(index: AskIndex, q: QueryAnalysis): string {
  if (q.kind === 'general') {
    const phrases = keyPhrases(index, 3);
    if (phrases.length === 0) return '';
    // Restate the question's own subject: "Summarise the meeting" -> "The meeting was about …".
    const noun = /\b(meeting|interview|call|conversation|discussion|session|workshop|transcript)(s)?\b/i.exec(
      q.question,
    );
    const fallback = index.transcripts.length > 1 ? 'The conversations were' : 'The discussion was';
    const subject = noun ? `The ${noun[1]!.toLowerCase()}${noun[2] ? 's were' : ' was'}` : fallback;
    return `${subject} about ${listPhrase(phrases)}.`;
  }
  if (!q.topic) return '';
  const topic = shiftClause(q.topic).replace(/[?.!]+$/, '');
  if (q.speakers.length > 0) {
    const names = [...q.namedAs.values()].join(' and ');
    return `${names} talked about ${topic}.`;
  }
  // A meeting is "the group"; across interviews or in a one-to-one conversation, name what it was.
  const who = subject(index);
  if (who === 'group') return `The group discussed ${topic}.`;
  return `${who === 'interviews' ? 'The interviews' : 'The conversation'} covered ${topic}.`;
}

/** Who the transcripts are, as the subject of a sentence about what they discuss. */
function subject(index: AskIndex): 'interviews' | 'group' | 'conversation' {
  const docs = index.transcripts.length;
  const speakers = docs === 1 ? new Set(index.units.map((u) => u.speaker)).size : 0;
  if (docs === 1 && speakers >= 3) return 'group';
  return docs > 1 ? 'interviews' : 'conversation';
}

/**
 * The answer to a question the transcripts do not discuss: says so, names the question's words
 * nobody used, and reports the nearest passages ("The nearest passages: Dana said that …") when
 * there are any, else what the transcripts were about.
 */
export function declineAnswer(
  index: AskIndex,
  q: QueryAnalysis,
  nearest: number[],
  unused: string[],
  about: string[] = [],
): { answer: string; citations: Citation[] } {
  const topic = q.topic ? shiftClause(q.topic).replace(/[?.!]+$/, '') : 'what the question asks';
  const who = subject(index);
  const first =
    who === 'group'
      ? `The group did not discuss ${topic}.`
      : `The ${who === 'interviews' ? 'interviews do' : 'conversation does'} not discuss ${topic}.`;
  const sentences = [first];
  if (unused.length > 0 && unused.length < q.terms.size) {
    sentences.push(`Nobody mentioned ${listOr(unused.map((w) => `“${w}”`))}.`);
  }
  // The nearest passages reported as an answer would report them, after the statement.
  if (nearest.length > 0) {
    const header = `${sentences.join(' ')} The nearest ${nearest.length === 1 ? 'passage' : 'passages'}:`;
    const composed = composeAnswer(index, q, nearest, header);
    if (composed.citations.length > 0) return composed;
  }
  if (about.length > 0) {
    sentences.push(`${who === 'interviews' ? 'They were' : 'It was'} about ${listPhrase(about)}.`);
  }
  return { answer: sentences.join(' '), citations: [] };
}

function listOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** One unit as a reported sentence; `continued` when the same speaker spoke the previous one. */
export function reportUnit(index: AskIndex, q: QueryAnalysis, i: number, continued: boolean): string {
  const u = index.units[i]!;
  const r = reportClause(u.text);
  if (!r.clause) return '';
  const name = (u.speaker !== null && q.namedAs.get(u.speaker)) || displayName(u.speaker);
  const verb = continued ? (r.verb === 'said' ? 'added' : `also ${r.verb}`) : r.verb;
  // The speaker is named once per run of their sentences; "they" carries it on.
  return continued ? `They ${verb} ${r.clause}.` : `${name} ${verb} ${r.clause}.`;
}

/** Words a unit costs once reported, when it continues its speaker's run ("They added that …"). */
export function reportedCost(index: AskIndex, q: QueryAnalysis, i: number): number {
  return countWords(reportUnit(index, q, i, true));
}

/** The answer prose and its citations (one per cited turn, in transcript order). */
export function composeAnswer(
  index: AskIndex,
  q: QueryAnalysis,
  chosen: number[],
  open: string,
): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const sentences: string[] = [];
  if (open && chosen.length > 0) sentences.push(open);
  let lastKey = '';
  let lastSpeaker: string | null | undefined;
  let lastDoc = -1;
  for (const i of chosen) {
    const u = index.units[i]!;
    const reported = reportUnit(index, q, i, u.speaker === lastSpeaker && u.doc === lastDoc);
    if (!reported) continue;
    sentences.push(reported);
    lastSpeaker = u.speaker;
    lastDoc = u.doc;
    const key = `${u.doc}:${u.turn}`;
    if (key === lastKey) {
      const c = citations[citations.length - 1]!;
      c.text = `${c.text} ${u.text}`;
    } else {
      citations.push({ interview: index.transcripts[u.doc]!.id, start: u.start, text: u.text });
      lastKey = key;
    }
  }
  return { answer: sentences.join(' '), citations };
}
