/** Interview synthesis in the app: the HTTP face of src/synthesis for owner and staff. */

export type { PreviewQuote, PreviewTheme, SynthesisPreview } from '../synthesis/index.ts';
export { interviewsRoutes } from './interviews.routes.ts';
export {
  createInterviewsService,
  type InterviewsService,
  type SynthesisRequest,
  type SynthesisRun,
} from './interviews.service.ts';
