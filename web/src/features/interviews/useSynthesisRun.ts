/**
 * One run of the synthesis from the page: building, then the deck (done), the files it could not read
 * (bad-files: the server lists them, so the user can build without them), or why it failed.
 */
import { useCallback, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useToast } from '../../ui/toast.tsx';
import { plural, uploadPayload } from './transcripts.ts';
import type { SynthesisResponse } from './types.ts';

export interface BadFile {
  file: string;
  code?: string;
  message: string;
}

export type Outcome =
  | { kind: 'done'; result: SynthesisResponse; anonymized: boolean }
  | { kind: 'bad-files'; message: string; files: BadFile[] }
  | { kind: 'failed'; error: unknown };

export interface SynthesisRequest {
  formId: string;
  files: File[];
  anonymize: boolean;
  title: string;
}

export function useSynthesisRun() {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const build = useCallback(
    async (req: SynthesisRequest, skipInvalid: boolean) => {
      setBusy(true);
      if (!skipInvalid) setOutcome(null);
      try {
        const result = await api.post<SynthesisResponse>('/interviews/synthesis', {
          formId: req.formId,
          ...(await uploadPayload(req.files)),
          anonymize: req.anonymize,
          skipInvalid,
          ...(req.title.trim() ? { title: req.title.trim() } : {}),
        });
        setOutcome({ kind: 'done', result, anonymized: req.anonymize });
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
      }
    },
    [toast],
  );

  const clear = useCallback(() => setOutcome(null), []);
  const fail = useCallback((error: unknown) => setOutcome({ kind: 'failed', error }), []);

  return { busy, outcome, build, clear, fail };
}
