/**
 * Transcripts as an anonymised `ask` sees them: every speaker label replaced by who they are in the
 * study ("An interviewer", "CFO in interview 7", "Interviewee 7"), names redacted in what was said,
 * and interview ids replaced by numbers. Pure. The interviewer is the label that appears in several
 * interviews (one person runs many), or else the one who asks the most questions.
 */
import { makeRedactor } from '../deck/people.ts';
import type { InterviewMeta } from '../meta.ts';
import type { Transcript } from '../types.ts';

export interface Anonymised {
  transcripts: Transcript[];
  /** Anonymous interview label by original interview id ("Interview 7"). */
  interviewLabel: Map<string, string>;
}

function interviewerOf(t: Transcript, seenIn: Map<string, number>): string | null {
  const labels = [...new Set(t.turns.map((x) => x.speaker).filter((s): s is string => !!s))];
  const recurring = labels.filter((l) => (seenIn.get(l) ?? 0) >= 2);
  if (recurring.length === 1) return recurring[0]!;
  let best: string | null = null;
  let most = 0;
  for (const l of labels) {
    const asked = t.turns.filter((x) => x.speaker === l && /\?\s*$/.test(x.text)).length;
    if (asked > most) {
      most = asked;
      best = l;
    }
  }
  return best;
}

export function anonymiseTranscripts(
  transcripts: readonly Transcript[],
  meta: Record<string, InterviewMeta> = {},
): Anonymised {
  const seenIn = new Map<string, number>();
  for (const t of transcripts)
    for (const l of new Set(t.turns.map((x) => x.speaker).filter((s): s is string => !!s)))
      seenIn.set(l, (seenIn.get(l) ?? 0) + 1);
  const redact = makeRedactor([...seenIn.keys()]);
  const interviewLabel = new Map<string, string>();
  const out = transcripts.map((t, k) => {
    const n = k + 1;
    const label = `Interview ${n}`;
    interviewLabel.set(t.id, label);
    const interviewer = interviewerOf(t, seenIn);
    const role = meta[t.id]?.role;
    // Read as written in an answer ("Head of Procurement in interview 3 said that…").
    const person = role ? `${role} in interview ${n}` : `Interviewee ${n}`;
    const speakers = new Map<string, string>();
    for (const l of new Set(t.turns.map((x) => x.speaker).filter((s): s is string => !!s)))
      speakers.set(l, l === interviewer ? 'An interviewer' : person);
    return {
      ...t,
      id: label,
      file: label,
      speakers: [...new Set(speakers.values())],
      turns: t.turns.map((turn) => ({
        ...turn,
        speaker: turn.speaker ? (speakers.get(turn.speaker) ?? person) : null,
        text: redact(turn.text),
      })),
    };
  });
  return { transcripts: out, interviewLabel };
}
