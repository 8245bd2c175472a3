/** Imports a form's YAML: a new form, or the next version of the form of that name; optionally attached to a task. */
import { useId, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { FormSaveResult } from '../types.ts';

export function FormImportCard({
  tasks,
  onDone,
}: {
  tasks: TaskListItem[];
  onDone(formId: string): Promise<void>;
}) {
  const toast = useToast();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [taskId, setTaskId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card"
      aria-labelledby="import-form-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setBusy(true);
        setError(null);
        try {
          const r = await api.upload<FormSaveResult>('/forms/import', file, {
            query: { file: file.name, taskId: taskId || undefined, name: name || undefined },
          });
          toast(
            r.created
              ? `Form “${r.form.name}” imported`
              : r.unchanged
                ? `“${r.form.name}” is unchanged`
                : `“${r.form.name}”: version ${r.version.number}`,
          );
          setFile(null);
          await onDone(r.form.id);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="card-head">
        <h2 id="import-form-title">Import a form</h2>
        <span className="muted small">
          YAML with <code>title</code> and <code>questions</code> (<code>id</code>, <code>text</code>,{' '}
          <code>hint</code>)
        </span>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={fileId}>YAML file</label>
          <input
            id={fileId}
            type="file"
            accept=".yaml,.yml,text/yaml,application/yaml"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            required
          />
        </div>
        <Field label="Attach to the task" hint="Optional: the form joins that task’s procedure and brief">
          {({ id }) => (
            <select id={id} value={taskId} onChange={(e) => setTaskId(e.target.value)}>
              <option value="">No task (standalone)</option>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" hint="Default: the form’s title. A form of the same name gets a new version.">
          {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
