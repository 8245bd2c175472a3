/**
 * Background jobs of the workspace: what is queued, running, done or failed, with progress, the last
 * error, and retry or cancel. Refreshes itself while anything is still moving.
 */
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { JobProgress, JobStatusBadge } from '../components/JobStatus.tsx';
import type { Job } from '../types.ts';
import { useJobs } from '../useJobs.ts';

const FILTERS = [
  ['', 'All'],
  ['running', 'Running'],
  ['queued', 'Queued'],
  ['dead', 'Failed'],
  ['succeeded', 'Done'],
  ['cancelled', 'Cancelled'],
] as const;

export function JobsPage() {
  usePageTitle('Background jobs');
  const [status, setStatus] = useState('');
  const jobs = useJobs(status);
  const toast = useToast();
  const [pending, setPending] = useState<string | null>(null);

  const act = async (job: Job, verb: 'retry' | 'cancel') => {
    setPending(job.id);
    try {
      const updated = await jobs.act(job, verb);
      toast(
        verb === 'retry'
          ? `${updated.label} queued again`
          : updated.status === 'cancelled'
            ? `${updated.label} cancelled`
            : `${updated.label} is stopping`,
      );
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Background jobs</h1>
          <p className="lede">
            Slow work — syntheses, transcriptions — runs here, apart from the pages, and survives a restart. A
            failed job keeps its error and can be retried; it resumes after the steps it had finished.
          </p>
        </div>
      </div>

      <fieldset className="job-filters">
        <legend className="visually-hidden">Show jobs</legend>
        {FILTERS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={value === status ? 'btn btn-small btn-primary' : 'btn btn-small'}
            aria-pressed={value === status}
            onClick={() => setStatus(value)}
          >
            {label}
          </button>
        ))}
      </fieldset>

      {jobs.error ? <ErrorBanner error={jobs.error} onRetry={() => void jobs.reload()} /> : null}
      {!jobs.data && jobs.loading ? <Loading /> : null}
      {jobs.data && jobs.data.jobs.length === 0 ? (
        <EmptyState title={status ? 'No jobs in this state' : 'No jobs yet'}>
          Jobs appear here when you start a synthesis or another slow piece of work.
        </EmptyState>
      ) : null}
      {jobs.data && jobs.data.jobs.length > 0 ? (
        <DataTable className="jobs-table">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Tries</th>
              <th scope="col">Started</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.jobs.map((job) => (
              <tr key={job.id} data-job={job.id}>
                <td>
                  <div className="job-label">{job.label}</div>
                  <div className="faint job-created">queued {fmtDateTime(job.createdAt)}</div>
                  {job.lastError && job.status !== 'succeeded' ? (
                    <div className="job-error" role="note">
                      {job.lastError}
                    </div>
                  ) : null}
                </td>
                <td>
                  <JobStatusBadge job={job} />
                </td>
                <td>
                  <JobProgress job={job} />
                </td>
                <td className="num">
                  {job.attempts}/{job.maxAttempts}
                </td>
                <td>{job.startedAt ? fmtDateTime(job.startedAt) : '—'}</td>
                <td className="job-actions">
                  {job.canRetry ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={pending === job.id}
                      onClick={() => void act(job, 'retry')}
                    >
                      Retry
                    </button>
                  ) : null}
                  {job.canCancel ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={pending === job.id}
                      onClick={() => void act(job, 'cancel')}
                    >
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
