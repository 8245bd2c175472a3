/**
 * Out-task → Posts: pick a task with an approved standard procedure, compile its job post, edit it,
 * and render it for each marketplace within that marketplace's own fields and limits — a copy button
 * per field, the marketplace's posting page, and the listing's address pasted back.
 */
import { useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { PostEditor } from '../components/PostEditor.tsx';
import { RenderingPanel } from '../components/RenderingPanel.tsx';
import type { JobPost } from '../types.ts';

export function PostsPage() {
  usePageTitle('Job posts');
  const tasks = useApi<TaskListItem[]>('/tasks');
  const [taskId, setTaskId] = useState('');
  const post = useApi<JobPost | null>(taskId ? `/posts/by-task/${encodeURIComponent(taskId)}` : null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const compile = async () => {
    setBusy(true);
    setProblem(null);
    try {
      post.setData(await api.post<JobPost>('/posts', { taskId }));
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page posts-page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Out-task / Job posts</div>
          <h1>Job posts</h1>
          <p className="lede">
            A post is written from the task’s approved standard procedure: what to deliver, how it is
            accepted, the price per unit, the turnaround and the volume to expect. Edit it, then copy it field
            by field onto the marketplace — each within that marketplace’s own limits — and paste the
            listing’s address back here.
          </p>
        </div>
      </div>

      {tasks.error ? <ErrorBanner error={tasks.error} title="The tasks could not be loaded." /> : null}
      {tasks.data ? (
        <Field label="Task" hint="Posts are compiled from the task’s latest approved standard procedure.">
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={taskId}
              onChange={(e) => {
                setProblem(null);
                setTaskId(e.target.value);
              }}
            >
              <option value="">Choose a task…</option>
              {tasks.data!.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Loading label="Loading the tasks…" />
      )}

      {taskId && post.loading && post.data === undefined ? <Loading label="Loading the post…" /> : null}
      {post.error ? <ErrorBanner error={post.error} title="The post could not be loaded." /> : null}
      {problem ? (
        <div className="field-error posts-problem" role="alert">
          {problem}
        </div>
      ) : null}

      {taskId && post.data === null ? (
        <section className="card posts-empty" aria-labelledby="no-post">
          <h2 id="no-post">No post for this task yet</h2>
          <p>Compile it from the approved procedure; you can edit every field afterwards.</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void compile()}>
            Compile the post
          </button>
        </section>
      ) : null}

      {post.data ? (
        <>
          <p className="post-version">
            Version {post.data.version}, from procedure version {post.data.procedureVersion.number}
            {post.data.edited ? ' (edited)' : ''}.
            {post.data.newerProcedureVersion ? (
              <>
                {' '}
                Procedure version {post.data.newerProcedureVersion} is approved since.{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void compile()}
                >
                  Recompile from version {post.data.newerProcedureVersion}
                </button>
              </>
            ) : null}
          </p>
          <PostEditor
            key={`${post.data.id}-${post.data.version}`}
            post={post.data}
            onSaved={(p) => post.setData(p)}
          />
          <RenderingPanel post={post.data} />
        </>
      ) : null}
    </div>
  );
}
