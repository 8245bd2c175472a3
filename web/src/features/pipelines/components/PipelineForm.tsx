/**
 * The form that creates a pipeline for a task, or changes one: its interview form (for the draft
 * deck), transcription engine, watched folder, terms to redact, and whether runs wait for review.
 * A change applies to runs from their next stage on (a retried run reads the pipeline afresh).
 */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { navigate } from '../../../app/router.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import type { FormSummary } from '../../procedures/types.ts';
import { type Pipeline, pipelinePath } from '../types.ts';

/** What the engine choice sends: empty is "automatic" (whisper when the firm configured a model). */
const ENGINE_CHOICES: { value: '' | 'pocketsphinx' | 'whisper'; label: string }[] = [
  { value: '', label: 'Automatic' },
  { value: 'pocketsphinx', label: 'pocketsphinx (draft quality)' },
  { value: 'whisper', label: 'whisper.cpp (the firm’s model)' },
];

export function PipelineForm({
  tasks,
  forms,
  pipeline,
  onSaved,
  onCancel,
}: {
  tasks: TaskListItem[];
  forms: FormSummary[];
  /** The pipeline to change; a new one is created without. */
  pipeline?: Pipeline;
  onSaved(p: Pipeline): void;
  onCancel?(): void;
}) {
  const editing = pipeline !== undefined;
  const [name, setName] = useState(pipeline?.name ?? '');
  const [taskId, setTaskId] = useState(pipeline?.taskId ?? '');
  const [formId, setFormId] = useState(pipeline?.formId ?? '');
  const [engine, setEngine] = useState<(typeof ENGINE_CHOICES)[number]['value']>(pipeline?.engine ?? '');
  const [watchDir, setWatchDir] = useState(pipeline?.watchDir ?? '');
  const [terms, setTerms] = useState(pipeline?.terms ?? '');
  const [review, setReview] = useState(pipeline?.reviewRequired ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The task whose procedure has a form attached (the interview deck's) is the likely one.
  useEffect(() => {
    if (taskId || tasks.length === 0) return;
    const withForm = forms.find((f) => f.taskId)?.taskId;
    setTaskId(tasks.find((t) => t.id === withForm)?.id ?? tasks[0]!.id);
  }, [tasks, forms, taskId]);
  // A new pipeline takes its task's form; a change keeps the chosen one until the task changes.
  useEffect(() => {
    if (editing && taskId === pipeline.taskId) return;
    const own = forms.find((f) => f.taskId === taskId);
    setFormId(own?.id ?? '');
  }, [taskId, forms, editing, pipeline]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name,
      taskId,
      formId: formId || null,
      engine: engine || null,
      watchDir: watchDir.trim() || null,
      terms,
      reviewRequired: review,
    };
    try {
      const p = editing
        ? await api.patch<Pipeline>(`/pipelines/${encodeURIComponent(pipeline.id)}`, body)
        : await api.post<Pipeline>('/pipelines', body);
      onSaved(p);
      if (!editing) navigate(pipelinePath(p.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  return (
    <form
      className={editing ? 'pipeline-form' : 'card section pipeline-form'}
      onSubmit={submit}
      {...(editing
        ? { 'aria-label': `Change ${pipeline.name}` }
        : { 'aria-labelledby': 'new-pipeline-title' })}
    >
      {editing ? null : <h2 id="new-pipeline-title">New pipeline</h2>}
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
          <label htmlFor="pl-engine">Transcription engine</label>
          <select
            id="pl-engine"
            value={engine}
            onChange={(e) => setEngine(e.target.value as (typeof ENGINE_CHOICES)[number]['value'])}
          >
            {ENGINE_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <div className="field-hint">
            Automatic: whisper.cpp when the server is given a model file, else pocketsphinx.
          </div>
          {fieldErrors.engine ? <div className="field-error">{fieldErrors.engine}</div> : null}
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
        <ErrorBanner error={error} title={editing ? 'Not changed.' : 'Not created.'} />
      ) : null}
      <div className="page-actions">
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || !taskId}>
          {editing ? (busy ? 'Saving…' : 'Save the changes') : busy ? 'Creating…' : 'Create the pipeline'}
        </button>
      </div>
    </form>
  );
}
