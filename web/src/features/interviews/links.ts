/** Ways into the interview synthesis from elsewhere in the app. */
import { useMemo } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { FormSummary } from '../procedures/types.ts';

/** The synthesis page with this form chosen. */
export const synthesisPath = (formId: string): string =>
  `/interviews/synthesis?form=${encodeURIComponent(formId)}`;

/**
 * The tasks the synthesis can do: those with an interview form attached, as task id → its form.
 * Empty until the forms have loaded.
 */
export function useSynthesisForms(): ReadonlyMap<string, FormSummary> {
  const forms = useApi<FormSummary[]>('/forms');
  return useMemo(
    () => new Map((forms.data ?? []).flatMap((f) => (f.taskId ? [[f.taskId, f] as const] : []))),
    [forms.data],
  );
}
