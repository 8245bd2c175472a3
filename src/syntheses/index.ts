/** Saved syntheses: kept, listed, reopened and edited before export (issue 8). */
export { applyEdit, type EditOutcome, type SynthesisEdit } from './edits.ts';
export { renderSynthesis } from './render.ts';
export { synthesesRoutes } from './syntheses.routes.ts';
export {
  createSynthesesService,
  type RunToSave,
  SYNTHESIS_BLOBS,
  type SynthesesService,
} from './syntheses.service.ts';
export type { Passage, SavedSynthesis, SavedSynthesisSummary, SynthesisEditEntry } from './syntheses.ts';
