/** Loads one API resource for a component: data, error, loading, and a way to reload or patch it locally. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again; keeps showing the old data meanwhile. Resolves when done. */
  reload(): Promise<void>;
  /** Replaces the data locally (optimistic updates). */
  setData(update: T | ((old: T | undefined) => T | undefined)): void;
}

export function useApi<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (path === null) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await api.get<T>(path);
      if (mine === generation.current) {
        setData(result);
        setError(undefined);
      }
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [path]);

  // A new path keeps the old data on screen until the new answer arrives (no flash of "loading").
  useEffect(() => {
    void load();
    return () => {
      generation.current++; // answers for an old path are dropped
    };
  }, [load]);

  return { data, error, loading, reload: load, setData };
}
