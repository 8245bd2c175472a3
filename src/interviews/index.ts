/** Interview synthesis in the app: the HTTP face of src/synthesis for owner and staff. */
export { interviewsRoutes } from './interviews.routes.ts';
export {
  createInterviewsService,
  type InterviewsService,
  type SynthesisRequest,
  type SynthesisRun,
} from './interviews.service.ts';
export type { PreviewQuote, PreviewTheme, SynthesisPreview } from './preview.ts';
