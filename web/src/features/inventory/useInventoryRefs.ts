/** The members and processes a task form offers to choose from. */
import type { Member, Process } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';

export function useInventoryRefs() {
  const members = useApi<Member[]>('/members');
  const processes = useApi<Process[]>('/processes');
  return {
    members: members.data ?? [],
    processes: processes.data ?? [],
    loaded: members.data !== undefined && processes.data !== undefined,
    error: members.error ?? processes.error,
    reload: () => Promise.all([members.reload(), processes.reload()]).then(() => undefined),
  };
}
