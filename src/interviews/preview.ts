/**
 * The preview's shape, for the web app's types (which import this path until the API contract
 * carries them). The preview itself is built by the synthesis library (`synthesisPreview`).
 */
export type { PreviewQuote, PreviewTheme, SynthesisPreview } from '../synthesis/index.ts';
