/** The form that creates a pipeline for a task: its form (for the synthesis), folder, terms, review. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { navigate } from '../../../app/router.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import type { FormSummary } from '../../procedures/types.ts';
import { type Pipeline, pipelinePath } from '../types.ts';

export function NewPipelineForm({
  tasks,
  forms,
  onCreated,
}: {
  tasks: TaskListItem[];
  forms: FormSummary[];
  onCreated(): void;
}) {
  const [name, setName] = useState('');
  const [taskId, setTaskId] = useState('');
  const [formId, setFormId] = useState('');
  const [watchDir, setWatchDir] = useState('');
  const [terms, setTerms] = useState('');
  const [review, setReview] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The task whose procedure has a form attached (the interview deck's) is the likely one.
  useEffect(() => {
    if (taskId || tasks.length === 0) return;
    const withForm = forms.find((f) => f.taskId)?.taskId;
    setTaskId(tasks.find((t) => t.id === withForm)?.id ?? tasks[0]!.id);
  }, [tasks, forms, taskId]);
  useEffect(() => {
    const own = forms.find((f) => f.taskId === taskId);
    setFormId(own?.id ?? '');
  }, [taskId, forms]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<Pipeline>('/pipelines', {
        name,
        taskId,
        formId: formId || null,
        watchDir: watchDir.trim() || null,
        terms,
        reviewRequired: review,
      });
      onCreated();
      navigate(pipelinePath(p.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  return (
    <form className="card section new-pipeline" onSubmit={submit} aria-labelledby="new-pipeline-title">
      <h2 id="new-pipeline-title">New pipeline</h2>
      <div className="pl-grid">
        <div className="field">
          <label htmlFor="pl-name">Name</label>
          <input
            id="pl-name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Clinic interviews, spring"
          />
          {fieldErrors.name ? <div className="field-error">{fieldErrors.name}</div> : null}
        </div>
        <div className="field">
          <label htmlFor="pl-task">Task</label>
          <select id="pl-task" value={taskId} onChange={(e) => setTaskId(e.target.value)} required>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pl-form">Interview form (for the draft deck)</label>
          <select id="pl-form" value={formId} onChange={(e) => setFormId(e.target.value)}>
            <option value="">No synthesis</option>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pl-folder">Watched folder (optional)</label>
          <input
            id="pl-folder"
            className="mono"
            value={watchDir}
            onChange={(e) => setWatchDir(e.target.value)}
            placeholder="/srv/dropbox/Interviews"
          />
          <div className="field-hint">
            A synced folder on the server; new recordings in it are taken once they are fully copied.
          </div>
          {fieldErrors.watchDir ? <div className="field-error">{fieldErrors.watchDir}</div> : null}
        </div>
      </div>
      <div className="field">
        <label htmlFor="pl-terms">
          Names and terms to redact, one a line (the firm’s members are always redacted)
        </label>
        <textarea
          id="pl-terms"
          rows={4}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          placeholder={'person: Joanne Pruett\nclient: Tern Valley Clinics\nterm: Vesperline'}
        />
        {fieldErrors.terms ? <div className="field-error">{fieldErrors.terms}</div> : null}
      </div>
      <label className="pl-check">
        <input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} />
        Hold each run for a redaction review before the hand-off package is built
      </label>
      {error && Object.keys(fieldErrors).length === 0 ? (
        <ErrorBanner error={error} title="Not created." />
      ) : null}
      <div className="page-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !taskId}>
          {busy ? 'Creating…' : 'Create the pipeline'}
        </button>
      </div>
    </form>
  );
}
