/**
 * Runs in a worker thread of platform/workers: a saved synthesis's deck, report and insights.json
 * rendered from its edited insights. Called through the syntheses service, never imported by the app's thread.
 */
import { type RenderInput, renderSynthesis } from './render.ts';

export function render(input: RenderInput) {
  return renderSynthesis(input);
}
