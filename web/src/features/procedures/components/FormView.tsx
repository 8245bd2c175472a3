/** One form: its questions, the task it is attached to, its versions and their YAML; editable. */
import { useState } from 'react';
import { api, staleWrite } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtCount, fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { synthesisPath } from '../../interviews/links.ts';
import { taskPath } from '../paths.ts';
import type { FormDetail } from '../types.ts';
import { FormEditor } from './FormEditor.tsx';

export function FormView({
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
            “{f.name}” · version {f.latest.number} of {f.versions} ·{' '}
            {fmtCount(f.latest.questions.length, 'question')}
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
              await api.patch(
                `/forms/${encodeURIComponent(f.id)}`,
                { taskId: e.target.value || null },
                { ifMatch: f.version },
              );
              toast(e.target.value ? 'Attached' : 'Detached');
              await Promise.all([form.reload(), onChanged()]);
            } catch (err) {
              setError(err);
              // Someone changed the form meanwhile: show it as it is now (the message says so).
              if (staleWrite(err)) await Promise.all([form.reload(), onChanged()]);
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
            Version {v.number}, {fmtDate(v.createdAt)}: {fmtCount(v.questions.length, 'question')}
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
