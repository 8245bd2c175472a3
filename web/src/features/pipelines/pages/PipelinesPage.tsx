/**
 * Automate → Pipelines: the intake pipelines (a task's recordings and transcripts in, a redacted
 * hand-off out), their runs per status, and a new one for a task.
 */

import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { FormSummary } from '../../procedures/types.ts';
import { PipelineForm } from '../components/PipelineForm.tsx';
import { type PipelineListItem, pipelinePath } from '../types.ts';
import { usePolling } from '../usePolling.ts';

export function PipelinesPage() {
  usePageTitle('Pipelines');
  const pipelines = useApi<PipelineListItem[]>('/pipelines');
  const tasks = useApi<TaskListItem[]>('/tasks');
  const forms = useApi<FormSummary[]>('/forms');
  const moving = (pipelines.data ?? []).some((p) => p.runs.queued + p.runs.running > 0);
  usePolling(moving, pipelines.reload, 3000);
  const taskName = (id: string) => tasks.data?.find((t) => t.id === id)?.name ?? '…';
  const formName = (id: string | null) => (id ? (forms.data?.find((f) => f.id === id)?.name ?? '…') : '—');

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Automate / Pipelines</div>
          <h1>Intake pipelines</h1>
          <p className="lede">
            A recording from a phone or a transcript from a meeting tool goes in; it is transcribed offline,
            stored with its transcript, the names are taken out, the synthesis drafts the deck, and after your
            review the out-tasker’s package is ready. Each stage is shown as it runs.
          </p>
        </div>
      </div>

      {pipelines.error ? (
        <ErrorBanner error={pipelines.error} title="The pipelines could not be loaded." />
      ) : null}
      {pipelines.loading && !pipelines.data ? <Loading label="Loading the pipelines…" /> : null}
      {pipelines.data && pipelines.data.length === 0 ? (
        <EmptyState title="No pipeline yet">
          Create one below for the task whose interviews you collect — the interview-deck task, say — and drop
          the recordings on it.
        </EmptyState>
      ) : null}
      {pipelines.data && pipelines.data.length > 0 ? (
        <DataTable className="pipelines-table">
          <thead>
            <tr>
              <th>Pipeline</th>
              <th>Task</th>
              <th>Form</th>
              <th>Watched folder</th>
              <th className="num">Moving</th>
              <th className="num">To review</th>
              <th className="num">Handed off</th>
              <th className="num">Failed</th>
            </tr>
          </thead>
          <tbody>
            {pipelines.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={pipelinePath(p.id)}>{p.name}</Link>
                </td>
                <td>{taskName(p.taskId)}</td>
                <td>{formName(p.formId)}</td>
                <td className="mono">{p.watchDir ?? '—'}</td>
                <td className="num">{p.runs.queued + p.runs.running}</td>
                <td className="num">{p.runs.review}</td>
                <td className="num">{p.runs.succeeded}</td>
                <td className="num">{p.runs.failed}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}

      {/* Both lists first: the task preselected is the one with a form, which only the forms tell. */}
      {tasks.data && forms.data ? (
        <PipelineForm tasks={tasks.data} forms={forms.data} onSaved={() => void pipelines.reload()} />
      ) : tasks.error || forms.error ? (
        <ErrorBanner error={tasks.error ?? forms.error} title="The tasks or forms could not be loaded." />
      ) : (
        <Loading label="Loading the tasks and forms…" />
      )}
    </div>
  );
}
