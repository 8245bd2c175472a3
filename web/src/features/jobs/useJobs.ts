/**
 * The workspace's jobs, refreshed while any of them is queued or running (every 1.5 s), and the
 * retry and cancel actions (the row is replaced by the server's answer at once).
 */
import { useCallback, useEffect } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Job, JobList } from './types.ts';

const REFRESH_MS = 1500;

export function useJobs(status: string) {
  const jobs = useApi<JobList>(`/jobs?limit=100${status ? `&status=${status}` : ''}`);
  const active = jobs.data?.jobs.some((j) => j.status === 'queued' || j.status === 'running') ?? false;
  const { reload, setData } = jobs;

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  const act = useCallback(
    async (job: Job, verb: 'retry' | 'cancel'): Promise<Job> => {
      const updated = await api.post<Job>(`/jobs/${job.id}/${verb}`, {});
      setData((old) => old && { ...old, jobs: old.jobs.map((j) => (j.id === updated.id ? updated : j)) });
      return updated;
    },
    [setData],
  );

  return { ...jobs, act };
}
