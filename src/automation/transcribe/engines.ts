/** The engines this build knows, by id. */
import { AppError } from '../../platform/errors.ts';
import type { TranscriptionEngine } from './engine.ts';
import { pocketsphinxEngine } from './pocketsphinx.engine.ts';
import type { EngineId } from './segments.ts';
import { whisperEngine } from './whisper.engine.ts';

export const ENGINES: Record<EngineId, TranscriptionEngine> = {
  pocketsphinx: pocketsphinxEngine,
  whisper: whisperEngine,
};

export function engineById(id: string): TranscriptionEngine {
  const engine = (ENGINES as Record<string, TranscriptionEngine | undefined>)[id];
  if (!engine) {
    throw new AppError(
      'VALIDATION_FAILED',
      `unknown transcription engine "${id}"; choose ${Object.keys(ENGINES).join(' or ')}`,
      { field: 'engine' },
    );
  }
  return engine;
}

/** whisper when a model is configured (better), else pocketsphinx (always there, draft quality). */
export function defaultEngine(model: string | undefined): TranscriptionEngine {
  return model ? whisperEngine : pocketsphinxEngine;
}
