/**
 * Standard forms, above all the executive-interview form: versioned, attached to a task's procedure,
 * imported and exported as the YAML `outtask deck --form` reads, so one form drives the interviews
 * and their synthesis.
 */

import { useId, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery, useLocation } from '../../../app/router.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { synthesisPath } from '../../interviews/links.ts';
import '../procedures.css';
import type { FormDetail, FormSaveResult, FormSummary } from '../types.ts';
import { taskPath } from './ProceduresListPage.tsx';

interface QuestionRow {
  id: string;
  text: string;
  hint: string;
}

function ImportCard({ tasks, onDone }: { tasks: TaskListItem[]; onDone(formId: string): Promise<void> }) {
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

function FormEditor({
  form,
  onCancel,
  onSaved,
}: {
  form: FormDetail | null;
  onCancel(): void;
  onSaved(formId: string): Promise<void>;
}) {
  const toast = useToast();
  const [name, setName] = useState(form?.name ?? '');
  const [title, setTitle] = useState(form?.latest.title ?? '');
  const [rows, setRows] = useState<QuestionRow[]>(
    form?.latest.questions.map((q) => ({ id: q.id, text: q.text, hint: q.hint ?? '' })) ?? [
      { id: '', text: '', hint: '' },
    ],
  );
  const [error, setError] = useState<unknown>(null);
  const set = (i: number, patch: Partial<QuestionRow>) =>
    setRows((r) => r.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const move = (i: number, d: number) =>
    setRows((r) => {
      const n = [...r];
      const [x] = n.splice(i, 1);
      n.splice(i + d, 0, x!);
      return n;
    });
  return (
    <form
      className="card"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const body = {
            ...(name ? { name } : {}),
            title,
            questions: rows.map((r) =>
              r.hint.trim() ? { id: r.id, text: r.text, hint: r.hint } : { id: r.id, text: r.text },
            ),
          };
          const r = form
            ? await api.post<FormSaveResult>(`/forms/${encodeURIComponent(form.id)}/versions`, body)
            : await api.post<FormSaveResult>('/forms', body);
          toast(r.unchanged ? 'Nothing changed' : `Saved as version ${r.version.number}`);
          await onSaved(r.form.id);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <div className="card-head">
        <h2>{form ? `Edit “${form.name}”` : 'New form'}</h2>
        <span className="muted small">Saving makes a new version; the old ones stay.</span>
      </div>
      <div className="form-grid">
        <Field label="Name">
          {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Title">
          {({ id }) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
      </div>
      <div className="pr-rows-editor questions" style={{ marginTop: 12 }}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by their place while editing
          <div className="pr-row" key={i}>
            <Field label={`Id ${i + 1}`}>
              {({ id }) => (
                <input
                  id={id}
                  value={r.id}
                  onChange={(e) => set(i, { id: e.target.value })}
                  placeholder="e.g. priorities"
                />
              )}
            </Field>
            <Field label="Question">
              {({ id }) => (
                <input id={id} value={r.text} onChange={(e) => set(i, { text: e.target.value })} />
              )}
            </Field>
            <Field label="Hint for the interviewer">
              {({ id }) => (
                <input id={id} value={r.hint} onChange={(e) => set(i, { hint: e.target.value })} />
              )}
            </Field>
            <div className="pr-step-actions">
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Move question ${i + 1} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ▲
              </button>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Move question ${i + 1} down`}
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
              >
                ▼
              </button>
              <button
                type="button"
                className="btn btn-quiet btn-small btn-danger"
                aria-label={`Remove question ${i + 1}`}
                onClick={() => setRows((x) => x.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </div>
          </div>
        ))}
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setRows((x) => [...x, { id: '', text: '', hint: '' }])}
        >
          Add a question
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </form>
  );
}

function FormView({
  id,
  tasks,
  onChanged,
}: {
  id: string;
  tasks: TaskListItem[];
  onChanged(): Promise<void>;
}) {
  const toast = useToast();
  const form = useApi<FormDetail>(`/forms/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const f = form.data;
  if (form.error && !f) return <ErrorBanner error={form.error} />;
  if (!f) return <Loading />;
  if (editing) {
    return (
      <FormEditor
        form={f}
        onCancel={() => setEditing(false)}
        onSaved={async () => {
          setEditing(false);
          await Promise.all([form.reload(), onChanged()]);
        }}
      />
    );
  }
  return (
    <section className="card" aria-labelledby="form-title">
      <div className="card-head">
        <div>
          <h2 id="form-title">{f.latest.title}</h2>
          <p className="muted small">
            “{f.name}” · version {f.latest.number} of {f.versions} · {f.latest.questions.length} questions
          </p>
        </div>
        <div className="page-actions">
          <a className="btn btn-small" href={`/api/forms/${encodeURIComponent(f.id)}/export.yaml`} download>
            Download YAML
          </a>
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <Link className="btn btn-small btn-primary" to={synthesisPath(f.id)}>
            Build a deck from transcripts
          </Link>
        </div>
      </div>
      <div className="toolbar">
        <label className="small" htmlFor={`attach-${f.id}`}>
          Attached to
        </label>
        <select
          id={`attach-${f.id}`}
          value={f.taskId ?? ''}
          style={{ maxWidth: 380 }}
          onChange={async (e) => {
            try {
              await api.patch(`/forms/${encodeURIComponent(f.id)}`, { taskId: e.target.value || null });
              toast(e.target.value ? 'Attached' : 'Detached');
              await Promise.all([form.reload(), onChanged()]);
            } catch (err) {
              setError(err);
            }
          }}
        >
          <option value="">no task (standalone)</option>
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {f.taskId ? (
          <Link className="small" to={taskPath(f.taskId, 'forms')}>
            Open the procedure
          </Link>
        ) : null}
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <h3 className="subhead">Questions</h3>
      <ol className="pr-question-list">
        {f.latest.questions.map((q) => (
          <li key={q.id}>
            {q.text}
            <code>{q.id}</code>
            {q.hint ? <div className="muted small">{q.hint}</div> : null}
          </li>
        ))}
      </ol>
      <h3 className="subhead">Versions</h3>
      <ul className="small">
        {[...f.history].reverse().map((v) => (
          <li key={v.id}>
            Version {v.number}, {fmtDate(v.createdAt)}: {v.questions.length} questions
            {v.sourceFile ? ` from ${v.sourceFile}` : ''}{' '}
            <a href={`/api/forms/${encodeURIComponent(f.id)}/export.yaml?version=${v.number}`} download>
              YAML
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FormsPage() {
  usePageTitle('Forms');
  const forms = useApi<FormSummary[]>('/forms');
  const tasks = useApi<TaskListItem[]>('/tasks');
  const { search } = useLocation();
  const selected = search.get('form') ?? forms.data?.[0]?.id ?? null;
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Forms</h1>
          <p className="lede">
            One standard form per kind of conversation. The same YAML file drives the interviews and{' '}
            <code>outtask deck --form</code>.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New form
          </button>
        </div>
      </div>
      {forms.error ? <ErrorBanner error={forms.error} onRetry={() => void forms.reload()} /> : null}
      {!forms.data && !forms.error ? <Loading label="Loading the forms…" /> : null}
      {creating ? (
        <FormEditor
          form={null}
          onCancel={() => setCreating(false)}
          onSaved={async (id) => {
            setCreating(false);
            await forms.reload();
            setQuery({ form: id });
          }}
        />
      ) : null}
      {forms.data && forms.data.length === 0 && !creating ? (
        <EmptyState title="No forms yet">
          Import the YAML of your interview form below, or write one with “New form”.
        </EmptyState>
      ) : null}
      {forms.data && forms.data.length > 0 ? (
        <div className="pr-forms-layout">
          <section className="card" aria-label="All forms">
            <ul className="pr-steps">
              {forms.data.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    className={f.id === selected ? 'pr-stage' : 'pr-stage'}
                    aria-pressed={f.id === selected}
                    style={{ width: '100%' }}
                    onClick={() => setQuery({ form: f.id })}
                  >
                    <div className="pr-stage-name">{f.name}</div>
                    <div className="muted small">
                      v{f.latest.number} · {f.latest.questions.length} questions ·{' '}
                      {f.taskName ?? 'standalone'}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {selected ? (
            <FormView key={selected} id={selected} tasks={tasks.data ?? []} onChanged={forms.reload} />
          ) : null}
        </div>
      ) : null}
      <div className="section">
        <ImportCard
          tasks={tasks.data ?? []}
          onDone={async (id) => {
            await forms.reload();
            setQuery({ form: id });
          }}
        />
      </div>
    </div>
  );
}
