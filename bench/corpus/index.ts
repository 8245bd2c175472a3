export { type GenerateOptions, generateCorpus } from './generate.ts';
export { alignmentAccuracy, jaccard, MATCH_JACCARD, type QualityScore, scoreInsights } from './score.ts';
export type { Corpus, CorpusSpec, Gold } from './spec.ts';
export { aiAdoption } from './specs/ai-adoption.ts';
export { clientOnboarding } from './specs/client-onboarding.ts';
export { executiveInterview } from './specs/executive-interview.ts';
export { hospitalDischarge } from './specs/hospital-discharge.ts';
