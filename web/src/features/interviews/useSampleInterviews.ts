/**
 * The sample interviews shipped with Outtask: their list, loading them as the files the user would have
 * picked, and adding the interview form they follow. Failures are thrown to the caller.
 */
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

interface SampleFile {
  name: string;
  bytes: number;
}

export function useSampleInterviews() {
  const list = useApi<SampleFile[]>('/interviews/samples');
  const [loading, setLoading] = useState(false);
  const [addingForm, setAddingForm] = useState(false);

  /** The samples as Files. */
  async function load(): Promise<File[]> {
    setLoading(true);
    try {
      return await Promise.all(
        (list.data ?? []).map(async (s) => {
          const res = await fetch(`/api/interviews/samples/${encodeURIComponent(s.name)}`, {
            credentials: 'same-origin',
          });
          if (!res.ok) throw new Error(`${s.name}: the server answered ${res.status}`);
          return new File([await res.blob()], s.name);
        }),
      );
    } finally {
      setLoading(false);
    }
  }

  /** Imports the samples' interview form into the workspace's forms. */
  async function addForm(): Promise<void> {
    setAddingForm(true);
    try {
      const res = await fetch('/api/interviews/samples/form.yaml', { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`The sample form could not be read (the server answered ${res.status}).`);
      await api.upload('/forms/import', new Blob([await res.text()], { type: 'text/plain' }), {
        query: { file: 'form.yaml', name: 'Executive interview form (sample)' },
      });
    } finally {
      setAddingForm(false);
    }
  }

  return { available: list.data ?? [], loading, addingForm, load, addForm };
}
