/**
 * One run: its stages with state, timings, tries, log and error; what it made (transcript, redacted
 * transcript, draft deck — also opened as a saved synthesis to edit —, hand-off package) to open or
 * download; retry when a stage failed.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { savedSynthesisPath } from '../../interviews/savedTypes.ts';
import { StageTrack, StatusBadge } from '../components/StageTrack.tsx';
import { TextView } from '../components/TextView.tsx';
import { fileUrl, isMoving, pipelinePath, type RunDetail, reviewPath, STAGE_NAMES } from '../types.ts';
import { usePolling } from '../usePolling.ts';

function seconds(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function kib(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KiB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function RunPage({ id }: { id: string }) {
  const detail = useApi<RunDetail>(`/pipeline-runs/${id}`);
  const run = detail.data?.run;
  usePageTitle(run?.fileName ?? 'Run');
  usePolling(run ? isMoving(run) : false, detail.reload);
  const toast = useToast();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [transcript, setTranscript] = useState<string | null>(null);
  const transcriptSha = run?.outputs.transcript?.sha256;

  useEffect(() => {
    if (!transcriptSha) return;
    let live = true;
    api
      .get<string>(`/pipeline-runs/${id}/files/transcript`)
      .then((t) => live && setTranscript(typeof t === 'string' ? t : JSON.stringify(t, null, 2)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, transcriptSha]);

  async function retry() {
    setRetrying(true);
    setError(null);
    try {
      await api.post(`/pipeline-runs/${id}/retry`);
      toast('Queued again from the failed stage');
      await detail.reload();
    } catch (err) {
      setError(err);
    } finally {
      setRetrying(false);
    }
  }

  if (detail.error) return <ErrorBanner error={detail.error} title="The run could not be loaded." />;
  if (!detail.data || !run) return <Loading label="Loading the run…" />;
  const { stages, pipeline } = detail.data;
  const o = run.outputs;
  const files = [
    o.transcript
      ? {
          which: 'transcript' as const,
          label: 'Transcript',
          ref: o.transcript,
          note: o.transcript.quality === 'draft' ? 'draft quality (pocketsphinx)' : '',
        }
      : null,
    o.redacted
      ? {
          which: 'redacted' as const,
          label: 'Redacted transcript',
          ref: o.redacted,
          note: `${o.redacted.redactions} redactions`,
        }
      : null,
    o.deck
      ? {
          which: 'deck' as const,
          label: 'Draft deck',
          ref: o.deck,
          note: `${o.deck.interviews} interview${o.deck.interviews === 1 ? '' : 's'}`,
        }
      : null,
    o.package
      ? { which: 'package' as const, label: 'Hand-off package', ref: o.package, note: 'for the out-tasker' }
      : null,
    {
      which: 'input' as const,
      label: run.inputKind === 'audio' ? 'Recording' : 'File as received',
      ref: { name: run.fileName, bytes: run.inputBytes },
      note: '',
    },
  ].filter((f) => f !== null);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/automate/pipelines">Automate / Pipelines</Link> /{' '}
            <Link to={pipelinePath(pipeline.id)}>{pipeline.name}</Link>
          </div>
          <h1>{run.fileName}</h1>
          <p className="lede">
            <StatusBadge status={run.status} /> Arrived {fmtDateTime(run.createdAt)}
            {run.revision > 1 ? ` · redaction revision ${run.revision}` : ''}
          </p>
        </div>
        <div className="page-actions">
          {run.status === 'failed' ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={retrying}
              onClick={() => void retry()}
            >
              {retrying ? 'Retrying…' : 'Retry the failed stage'}
            </button>
          ) : null}
          {run.status === 'review' || (run.status === 'succeeded' && o.redacted) ? (
            <Link className={run.status === 'review' ? 'btn btn-primary' : 'btn'} to={reviewPath(run.id)}>
              {run.status === 'review' ? 'Review the redaction' : 'Open the redaction review'}
            </Link>
          ) : null}
        </div>
      </div>
      {error ? <ErrorBanner error={error} title="Not retried." /> : null}
      {run.error ? (
        <div className="banner banner-error" role="alert">
          <div>
            <strong>{run.stage ? `${STAGE_NAMES[run.stage]} failed: ` : 'Failed: '}</strong>
            {run.error.message}
          </div>
        </div>
      ) : null}

      <div className="card section">
        <StageTrack stages={stages} />
        <table className="data stage-table">
          <thead>
            <tr>
              <th>Stage</th>
              <th>State</th>
              <th className="num">Tries</th>
              <th className="num">Took</th>
              <th>Log</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.stage} className={`is-${s.state}`}>
                <td>{STAGE_NAMES[s.stage]}</td>
                <td>{s.state === 'waiting' ? 'waiting for review' : s.state}</td>
                <td className="num">{s.attempts || ''}</td>
                <td className="num">{seconds(s.durationMs)}</td>
                <td>
                  {s.error ? <div className="run-error">{s.error.message}</div> : null}
                  {s.log ? (
                    <details>
                      <summary>{s.log.trim().split('\n').at(-1)}</summary>
                      <TextView className="stage-log" text={s.log} />
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="card section">
        <h2>Files</h2>
        <ul className="run-files">
          {files.map((f) => (
            <li key={f.which}>
              <a href={fileUrl(run.id, f.which)} download={f.ref.name}>
                {f.label}
              </a>{' '}
              <span className="muted">
                {f.ref.name} · {kib(f.ref.bytes)}
                {f.note ? ` · ${f.note}` : ''}
              </span>
              {f.which === 'deck' && o.deck?.synthesisId ? (
                <>
                  {' '}
                  · <Link to={savedSynthesisPath(o.deck.synthesisId)}>Open the draft to edit</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </div>

      {transcript !== null ? (
        <div className="card section">
          <h2>Transcript</h2>
          <p className="muted">As transcribed or received, before redaction: it stays inside the firm.</p>
          <TextView text={transcript} />
        </div>
      ) : null}
    </div>
  );
}
