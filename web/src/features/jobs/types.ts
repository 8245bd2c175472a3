/** The jobs API's shapes, from the API contract (../../api/contract.ts). */
import type { Answer } from '../../api/contract.ts';

export type JobList = Answer<'/api/jobs'>;
export type Job = JobList['jobs'][number];
export type JobDetail = Answer<'/api/jobs/{id}'>;
