/** Reloads a resource every `ms` while `active` says so (runs moving through their stages). */
import { useEffect } from 'react';

export function usePolling(active: boolean, reload: () => Promise<void>, ms = 1500): void {
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => void reload(), ms);
    return () => clearInterval(t);
  }, [active, reload, ms]);
}
