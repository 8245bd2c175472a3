/**
 * One pipeline: drop recordings or transcripts on it, and watch each run go through its stages
 * (the page asks again every second and a half while a run is moving); change it, or delete it.
 */
import { useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Dropzone } from '../../../ui/Dropzone.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { FormSummary } from '../../procedures/types.ts';
import { PipelineForm } from '../components/PipelineForm.tsx';
import { StageTrack, StatusBadge } from '../components/StageTrack.tsx';
import { type Intake, isMoving, type Pipeline, type RunWithStages, reviewPath, runPath } from '../types.ts';
import { usePolling } from '../usePolling.ts';

const ACCEPT = '.m4a,.mp3,.wav,.ogg,.oga,.opus,.webm,.mp4,.aac,.flac,.vtt,.srt,.txt,.json,.docx';

export function PipelinePage({ id }: { id: string }) {
  const pipeline = useApi<Pipeline>(`/pipelines/${id}`);
  const runs = useApi<RunWithStages[]>(`/pipelines/${id}/runs`);
  usePageTitle(pipeline.data?.name ?? 'Pipeline');
  usePolling((runs.data ?? []).some(isMoving), runs.reload);
  const [uploading, setUploading] = useState<string[]>([]);
  const [refused, setRefused] = useState<{ file: string; message: string }[]>([]);
  const [changing, setChanging] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const toast = useToast();
  const [retrying, setRetrying] = useState<string[]>([]);
  const [retryError, setRetryError] = useState<unknown>(null);

  /** A failed run queued again from its failed stage, from the list (as the run's page does). */
  async function retry(runId: string, fileName: string) {
    setRetrying((ids) => [...ids, runId]);
    setRetryError(null);
    try {
      await api.post(`/pipeline-runs/${runId}/retry`);
      toast(`${fileName}: queued again from the failed stage`);
      await runs.reload();
    } catch (err) {
      setRetryError(err);
    } finally {
      setRetrying((ids) => ids.filter((x) => x !== runId));
    }
  }
  // Read only once a change is asked for: the form needs the task and form choices.
  const tasks = useApi<TaskListItem[]>(changing ? '/tasks' : null);
  const forms = useApi<FormSummary[]>(changing ? '/forms' : null);

  async function remove(p: Pipeline) {
    setDeleteError(null);
    try {
      await api.del(`/pipelines/${encodeURIComponent(p.id)}`);
      toast(`Deleted “${p.name}”`);
      navigate('/automate/pipelines');
    } catch (err) {
      setDeleteError(err);
    }
  }

  async function upload(list: FileList) {
    const files = Array.from(list);
    setUploading(files.map((f) => f.name));
    setRefused([]);
    const bad: { file: string; message: string }[] = [];
    for (const f of files) {
      try {
        const o = await api.upload<Intake>(`/pipelines/${id}/files`, f, { query: { name: f.name } });
        if (o.error) bad.push({ file: f.name, message: o.error.message });
      } catch (err) {
        bad.push({ file: f.name, message: errorMessage(err) });
      }
      setUploading((u) => u.filter((n) => n !== f.name));
      await runs.reload();
    }
    setRefused(bad);
  }

  const p = pipeline.data;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/automate/pipelines">Automate / Pipelines</Link> / {p?.name ?? '…'}
          </div>
          <h1>{p?.name ?? 'Pipeline'}</h1>
          {p ? (
            <p className="lede">
              {p.formId
                ? 'Transcribe, redact, draft the deck'
                : 'Transcribe and redact (no form: no draft deck)'}
              {p.reviewRequired
                ? ', then wait for your review before the hand-off package.'
                : ', then build the hand-off package.'}{' '}
              Transcribed with {p.engine ?? 'the automatic engine choice'}.
              {p.watchDir ? (
                <>
                  {' '}
                  New files in <span className="mono">{p.watchDir}</span> are taken in too.
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        {p ? (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setChanging(true)}>
              Change
            </button>
            <button type="button" className="btn" onClick={() => setDeleting(true)}>
              Delete
            </button>
          </div>
        ) : null}
      </div>
      {p ? (
        <Dialog open={changing} onClose={() => setChanging(false)} title={`Change “${p.name}”`} wide>
          <p className="muted">Runs take a change from their next stage on; a failed run, when retried.</p>
          {tasks.data && forms.data ? (
            <PipelineForm
              tasks={tasks.data}
              forms={forms.data}
              pipeline={p}
              onCancel={() => setChanging(false)}
              onSaved={(saved) => {
                setChanging(false);
                toast(`Saved “${saved.name}”`);
                void pipeline.reload();
              }}
            />
          ) : tasks.error || forms.error ? (
            <ErrorBanner error={tasks.error ?? forms.error} title="The tasks or forms could not be loaded." />
          ) : (
            <Loading label="Loading the tasks and forms…" />
          )}
        </Dialog>
      ) : null}
      {p ? (
        <Dialog open={deleting} onClose={() => setDeleting(false)} title={`Delete “${p.name}”?`}>
          <p>
            Its runs go with it — recordings, transcripts, findings, review decisions — and so does its
            pseudonym key: what was handed off can no longer be re-identified through it. The drafts kept as
            saved syntheses stay. This cannot be undone.
          </p>
          {deleteError ? <ErrorBanner error={deleteError} /> : null}
          <div className="form-actions">
            {/* biome-ignore lint/a11y/noAutofocus: a destructive confirmation focuses the safe choice */}
            <button type="button" className="btn" autoFocus onClick={() => setDeleting(false)}>
              Keep it
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void remove(p)}>
              Delete the pipeline
            </button>
          </div>
        </Dialog>
      ) : null}
      {pipeline.error ? (
        <ErrorBanner error={pipeline.error} title="The pipeline could not be loaded." />
      ) : null}

      <div className="card section">
        <Dropzone accept={ACCEPT} multiple name="files" onFiles={(l) => void upload(l)}>
          <span>
            <strong>Drop recordings or transcripts here</strong>, or click to choose them
          </span>
          <span className="muted">m4a, mp3, wav, ogg, webm, mp4 · vtt, srt, txt, Whisper json, docx</span>
        </Dropzone>
        {uploading.length > 0 ? <Loading label={`Uploading ${uploading.join(', ')}…`} /> : null}
        {refused.map((r) => (
          <div key={r.file} className="banner banner-error" role="alert">
            <div>
              <strong>{r.file} was not taken. </strong>
              {r.message}
            </div>
          </div>
        ))}
      </div>

      {runs.error ? <ErrorBanner error={runs.error} title="The runs could not be loaded." /> : null}
      {retryError ? <ErrorBanner error={retryError} title="The run could not be retried." /> : null}
      {runs.data && runs.data.length === 0 ? (
        <EmptyState title="No runs yet">Drop a file above to start one.</EmptyState>
      ) : null}
      {runs.data && runs.data.length > 0 ? (
        <DataTable className="runs-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th>Stages</th>
              <th>Arrived</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.id} data-run={r.fileName}>
                <td>
                  <Link to={runPath(r.id)}>{r.fileName}</Link>
                  {r.error ? <div className="run-error">{r.error.message}</div> : null}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  <StageTrack stages={r.stages} />
                </td>
                <td className="muted">
                  {fmtDateTime(r.createdAt)}
                  <div>
                    {r.source === 'folder'
                      ? 'from the folder'
                      : r.source === 'cli'
                        ? 'from the CLI'
                        : 'uploaded'}
                  </div>
                </td>
                <td>
                  {r.status === 'review' ? (
                    <Link className="btn btn-small btn-primary" to={reviewPath(r.id)}>
                      Review
                    </Link>
                  ) : r.status === 'failed' ? (
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      disabled={retrying.includes(r.id)}
                      aria-label={`Retry ${r.fileName} from the failed stage`}
                      onClick={() => void retry(r.id, r.fileName)}
                    >
                      {retrying.includes(r.id) ? 'Retrying…' : 'Retry'}
                    </button>
                  ) : (
                    <Link className="btn btn-small" to={runPath(r.id)}>
                      Open
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
