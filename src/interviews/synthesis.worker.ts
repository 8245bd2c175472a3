/**
 * Runs in a worker thread of platform/workers: the synthesis and the questions across transcripts,
 * the seconds of CPU that stalled every other user when they ran in the request's thread. Called
 * through off-thread.ts, never imported by the app's thread.
 */
import { type AskRequest, computeAsk, computeSynthesis, type SynthesisInput } from './interviews.service.ts';

export function synthesize(input: SynthesisInput) {
  return computeSynthesis(input);
}

export function ask(req: AskRequest) {
  return computeAsk(req);
}
