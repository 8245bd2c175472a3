/**
 * What every transcription engine returns: timed segments of text, with a speaker when the engine
 * can tell speakers apart. Pure.
 */

export type EngineId = 'pocketsphinx' | 'whisper';

/** How far to trust a transcript: 'draft' needs a human pass before anyone quotes it. */
export type Quality = 'draft' | 'standard';

export interface Segment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  text: string;
  /** "Speaker 1", "Speaker 2"… when the engine separates speakers; absent otherwise. */
  speaker?: string;
  /** 0..1, the engine's own confidence when it gives one. */
  confidence?: number;
}

export interface TranscriptionResult {
  engine: EngineId;
  quality: Quality;
  /** The model file used, when the engine takes one. */
  model?: string;
  /** Length of the audio in seconds. */
  durationS: number;
  segments: Segment[];
}

/** Speaker turns: consecutive segments of one speaker (or of no speaker) joined. */
export function toTurns(segments: readonly Segment[]): Segment[] {
  const turns: Segment[] = [];
  for (const s of segments) {
    const last = turns.at(-1);
    if (last && last.speaker === s.speaker) {
      last.text = `${last.text} ${s.text}`;
      last.end = s.end;
    } else {
      turns.push({ ...s });
    }
  }
  return turns;
}
