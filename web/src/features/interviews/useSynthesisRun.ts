/**
 * One run of the synthesis from the page: the server checks the files and answers at once with a
 * background job (or lists the files it could not read — bad-files — so the user can build without
 * them); the page follows the job's progress, then shows the deck (done) or why it failed.
 */
import { useCallback, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useToast } from '../../ui/toast.tsx';
import { followJob } from './followJob.ts';
import { plural, uploadPayload } from './transcripts.ts';
import type { JobState, SynthesisResponse } from './types.ts';

export interface BadFile {
  file: string;
  code?: string;
  message: string;
}

export type Outcome =
  | { kind: 'done'; result: SynthesisResponse; anonymized: boolean; synthesisId: string | null }
  | { kind: 'bad-files'; message: string; files: BadFile[] }
  | { kind: 'failed'; error: unknown };

export interface SynthesisRequest {
  formId: string;
  files: File[];
  anonymize: boolean;
  title: string;
  /** Saved under this engagement (empty: the title, else the form's name)… */
  engagement: string;
  /** …attached to the form's task… */
  taskId: string | null;
  /** …with the transcripts kept, or not. */
  keepTranscripts: boolean;
}

export function useSynthesisRun() {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The running job, for its progress (null when nothing runs). */
  const [job, setJob] = useState<JobState | null>(null);

  const build = useCallback(
    async (req: SynthesisRequest, skipInvalid: boolean) => {
      setBusy(true);
      if (!skipInvalid) setOutcome(null);
      try {
        const started = await api.post<{ job: JobState }>('/interviews/synthesis', {
          formId: req.formId,
          ...(await uploadPayload(req.files)),
          anonymize: req.anonymize,
          skipInvalid,
          ...(req.title.trim() ? { title: req.title.trim() } : {}),
          ...(req.engagement.trim() ? { engagement: req.engagement.trim() } : {}),
          ...(req.taskId ? { taskId: req.taskId } : {}),
          keepTranscripts: req.keepTranscripts,
        });
        setJob(started.job);
        const path = `/interviews/synthesis/${started.job.id}`;
        let synthesisId: string | null = null;
        const answer = await followJob<
          Omit<SynthesisResponse, 'deck'> & { deck: { fileName: string; bytes: number } }
        >(path, setJob, undefined, (saved) => {
          synthesisId = saved;
        });
        const result: SynthesisResponse = { ...answer, deck: { ...answer.deck, href: `/api${path}/deck` } };
        setOutcome({ kind: 'done', result, anonymized: req.anonymize, synthesisId });
        toast(`Deck ready: ${plural(result.report.slideCount, 'slide')}`);
      } catch (err) {
        const listed = err instanceof ApiError ? err.details?.errors : undefined;
        if (err instanceof ApiError && Array.isArray(listed) && listed.length > 0) {
          setOutcome({ kind: 'bad-files', message: err.message, files: listed as BadFile[] });
        } else {
          setOutcome({ kind: 'failed', error: err });
        }
      } finally {
        setBusy(false);
        setJob(null);
      }
    },
    [toast],
  );

  const clear = useCallback(() => setOutcome(null), []);
  const fail = useCallback((error: unknown) => setOutcome({ kind: 'failed', error }), []);

  return { busy, job, outcome, build, clear, fail };
}
