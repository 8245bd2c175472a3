/** "Add a task": the full task form in a dialog; a new process can be created on the way. */
import { useRef } from 'react';
import { api } from '../../../api/client.ts';
import type { Member, Process, Task } from '../../../api/types.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { emptyTaskForm } from '../taskForm.ts';
import { TaskForm } from './TaskForm.tsx';

export function AddTaskDialog({
  open,
  onClose,
  onCreated,
  members,
  processes,
  currency,
  defaultProcessId,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (task: Task) => void | Promise<void>;
  members: Member[];
  processes: Process[];
  currency: string;
  defaultProcessId?: string;
}) {
  const toast = useToast();
  // A process created on a first attempt is reused when the task itself had to be corrected.
  const createdProcesses = useRef(new Map<string, string>());
  return (
    <Dialog open={open} onClose={onClose} title="Add a task" wide>
      <TaskForm
        initial={emptyTaskForm(defaultProcessId ?? processes[0]?.id ?? '')}
        members={members}
        processes={processes}
        currency={currency}
        allowNewProcess
        submitLabel="Add task"
        onCancel={onClose}
        onSubmit={async ({ newProcessName, ...task }) => {
          let processId = task.processId;
          if (newProcessName) {
            const known = createdProcesses.current.get(newProcessName.toLowerCase());
            if (known) processId = known;
            else {
              const p = await api.post<Process>('/processes', { name: newProcessName, description: '' });
              createdProcesses.current.set(newProcessName.toLowerCase(), p.id);
              processId = p.id;
            }
          }
          const created = await api.post<Task>('/tasks', { ...task, processId });
          toast(`Added “${created.name}”`);
          await onCreated(created);
          onClose();
        }}
      />
    </Dialog>
  );
}
