/** The shapes `ask` answers in; their own file so that the answer's parts need not import the entry point. */

export interface Citation {
  /** Interview (transcript) id. */
  interview: string;
  /** Seconds from the start of the turn cited; null when the transcript has no times. */
  start: number | null;
  /** The passage used, as said (fillers removed). */
  text: string;
}

export interface AskResult {
  question: string;
  /** Plain prose, no citation marks. */
  answer: string;
  /**
   * Whether the transcripts discuss what the question asks. When false the answer says so
   * ("The interviews do not discuss …") and cites only the nearest passages, if any.
   */
  covered: boolean;
  citations: Citation[];
}
