/** The synthesis API's answers, from the API contract (../../api/contract.ts). */
import type { Answer, Schema } from '../../api/contract.ts';

export type SynthesisPreview = Schema<'SynthesisPreview'>;
export type PreviewTheme = Schema<'PreviewTheme'>;
export type PreviewQuote = PreviewTheme['quotes'][number];

/** A synthesis job's result, with where its deck is downloaded (the deck stays on the server). */
export type SynthesisResponse = Omit<Schema<'Synthesis'>, 'deck'> & {
  /** The deck stays on the server: `href` downloads it. */
  deck: Schema<'Synthesis'>['deck'] & { href: string };
};

/** A background job as the interviews API reports it (the jobs API's contract). */
export type JobState = Answer<'/api/interviews/synthesis', 'post'>['job'];

/** GET /api/interviews/ask/:jobId's result. */
export type AskResponse = Schema<'AskAnswer'>;
