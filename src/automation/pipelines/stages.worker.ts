/**
 * A pipeline run's CPU work in a worker thread of platform/workers (issue 10: job handlers through the
 * pool): reading a transcript and running the recognisers over it take seconds on a long interview,
 * which on the app's thread every other request would wait out. Called through the stages, never
 * imported by the app's thread.
 */
import { readTranscript } from '../../synthesis/index.ts';
import type { ListEntry } from '../redact/lists.ts';
import { type ProvisionalRedaction, type ReviewTerm, redactProvisionally } from './redaction.ts';

export async function transcriptSummary(input: {
  file: string;
  bytes: Uint8Array;
}): Promise<{ turns: number; speakers: string[] }> {
  const t = await readTranscript(input);
  const speakers = [...new Set(t.turns.map((x) => x.speaker).filter((s): s is string => !!s))];
  return { turns: t.turns.length, speakers };
}

export function redact(input: {
  fileName: string;
  bytes: Uint8Array;
  lists: ListEntry[];
  terms: ReviewTerm[];
}): Promise<ProvisionalRedaction> {
  return redactProvisionally(input.fileName, input.bytes, input.lists, input.terms);
}
