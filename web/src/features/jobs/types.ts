/** The jobs API's shapes, from the server's contract (type-only: no server code reaches the bundle). */
export type {
  JobDetailOutT as JobDetail,
  JobListOutT as JobList,
  JobOutT as Job,
} from '../../../../src/platform/jobs/jobs.schemas.ts';
