/** Interview synthesis in the app: the HTTP face of src/synthesis for owner and staff. */

export type { PreviewQuote, PreviewTheme, SynthesisPreview } from '../synthesis/index.ts';
export {
  askJob,
  createInterviewJobs,
  type InterviewJobs,
  type SynthesisJobResult,
  type SynthesisResults,
  synthesisJob,
} from './interview-jobs.ts';
export { interviewsRoutes } from './interviews.routes.ts';
export {
  computeAsk,
  computeSynthesis,
  createInterviewsService,
  type InterviewsService,
  type SynthesisRequest,
  type SynthesisRun,
} from './interviews.service.ts';
