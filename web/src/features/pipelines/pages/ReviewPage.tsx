/**
 * The redaction review before hand-off: every finding with its recognizer, score and what was done;
 * staff keep what should stay (reject), redact what was missed (accept, or add a term), then approve:
 * the hand-off package is built from the reviewed redaction. The pseudonyms stay inside the firm.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { StatusBadge } from '../components/StageTrack.tsx';
import { TextView } from '../components/TextView.tsx';
import { type Finding, isMoving, type Review, runPath } from '../types.ts';
import { usePolling } from '../usePolling.ts';

interface Group {
  text: string;
  kind: string;
  count: number;
  best: Finding;
  redacted: boolean;
}

/** One line per text: how often, the strongest finding, whether it is redacted. */
function groups(findings: Finding[]): Group[] {
  const byText = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.text.toLowerCase()}`;
    const g = byText.get(key);
    if (!g)
      byText.set(key, { text: f.text, kind: f.kind, count: 1, best: f, redacted: f.decision === 'redacted' });
    else {
      g.count++;
      if (f.score > g.best.score) g.best = f;
      g.redacted ||= f.decision === 'redacted';
    }
  }
  return [...byText.values()].sort(
    (a, b) => Number(b.redacted) - Number(a.redacted) || b.best.score - a.best.score,
  );
}

const DECISION_WORD: Record<string, string> = {
  redacted: 'redacted',
  'below-threshold': 'kept: low score',
  allowed: 'kept: allowed',
  overlapped: 'inside another',
};

export function ReviewPage({ id }: { id: string }) {
  const review = useApi<Review>(`/pipeline-runs/${id}/review`);
  const run = review.data?.run;
  usePageTitle(run ? `Review: ${run.fileName}` : 'Review');
  usePolling(run ? isMoving(run) : false, review.reload);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState('PERSON');
  const rows = useMemo(() => groups(review.data?.findings ?? []), [review.data]);

  async function act(fn: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (done) toast(done);
      await review.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const decide = (text: string, k: string, action: 'redact' | 'keep') =>
    act(() => api.post(`/pipeline-runs/${id}/review/decisions`, { text, kind: k, action }));
  function addTerm(e: FormEvent) {
    e.preventDefault();
    const t = term.trim();
    if (!t) return;
    void act(async () => {
      await api.post(`/pipeline-runs/${id}/review/decisions`, { text: t, kind, action: 'redact' });
      setTerm('');
    });
  }

  if (review.error) return <ErrorBanner error={review.error} title="The review could not be loaded." />;
  if (!review.data || !run) return <Loading label="Loading the review…" />;
  const { decisions, unapplied, redactedText } = review.data;
  const open = run.status === 'review' || run.status === 'succeeded';
  const decided = new Map(decisions.map((d) => [d.text.toLowerCase(), d]));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/automate/pipelines">Automate / Pipelines</Link> /{' '}
            <Link to={runPath(run.id)}>{run.fileName}</Link> / Review
          </div>
          <h1>Redaction review</h1>
          <p className="lede">
            <StatusBadge status={run.status} /> Check what was taken out before anything leaves the firm. Keep
            what should stay, redact what was missed; the hand-off package is built from what you approve.
          </p>
        </div>
        <div className="page-actions">
          {unapplied && open ? (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.post(`/pipeline-runs/${id}/review/apply`),
                  'Redacting again with your decisions',
                )
              }
            >
              Apply changes
            </button>
          ) : null}
          {run.status === 'review' ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await api.post(`/pipeline-runs/${id}/review/approve`);
                  navigate(runPath(id));
                }, 'Approved: building the hand-off package')
              }
            >
              Approve and hand off
            </button>
          ) : null}
        </div>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {isMoving(run) ? <Loading label="Redacting again…" /> : null}
      {unapplied ? (
        <div className="banner banner-info">
          <span>Your decisions are saved; they take effect when you apply them or approve.</span>
        </div>
      ) : null}

      <div className="review-grid">
        <section className="card" aria-labelledby="findings-title">
          <h2 id="findings-title">Findings</h2>
          <DataTable flat className="findings-table">
            <thead>
              <tr>
                <th>Text</th>
                <th>Kind</th>
                <th>Found by</th>
                <th className="num">Score</th>
                <th>Now</th>
                <th>
                  <span className="visually-hidden">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => {
                const d = decided.get(g.text.toLowerCase());
                return (
                  <tr key={`${g.kind}:${g.text}`} data-finding={g.text}>
                    <td>
                      <strong>{g.text}</strong>
                      {g.count > 1 ? <span className="muted"> ×{g.count}</span> : null}
                      {g.best.label ? <div className="muted mono">→ {g.best.label}</div> : null}
                    </td>
                    <td>{g.kind}</td>
                    <td>{g.best.recognizer}</td>
                    <td className="num">{g.best.score.toFixed(2)}</td>
                    <td>{DECISION_WORD[g.best.decision] ?? g.best.decision}</td>
                    <td className="finding-actions">
                      {d ? (
                        <span className={d.action === 'keep' ? 'badge' : 'badge badge-warning'}>
                          {d.action === 'keep' ? 'to keep' : 'to redact'}
                        </span>
                      ) : open && g.redacted ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          onClick={() => void decide(g.text, g.kind, 'keep')}
                        >
                          Keep
                        </button>
                      ) : open ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          onClick={() => void decide(g.text, g.kind, 'redact')}
                        >
                          Redact
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>

          <h3>Your decisions</h3>
          {decisions.length === 0 ? <p className="muted">None yet.</p> : null}
          <ul className="decision-list">
            {decisions.map((d) => (
              <li key={d.id}>
                {d.action === 'keep' ? 'Keep' : 'Redact'} <strong>{d.text}</strong>{' '}
                <span className="muted">({d.kind})</span>{' '}
                {open ? (
                  <button
                    type="button"
                    className="btn btn-link"
                    disabled={busy}
                    onClick={() => void act(() => api.del(`/pipeline-runs/${id}/review/decisions/${d.id}`))}
                  >
                    undo
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {open ? (
            <form className="add-term" onSubmit={addTerm}>
              <div className="field">
                <label htmlFor="rv-term">Redact a term the recognizers missed</label>
                <input
                  id="rv-term"
                  value={term}
                  maxLength={200}
                  onChange={(e) => setTerm(e.target.value)}
                  placeholder="Vesperline"
                />
              </div>
              <div className="field">
                <label htmlFor="rv-kind">Kind</label>
                <select id="rv-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                  <option value="PERSON">Person</option>
                  <option value="CLIENT">Client</option>
                  <option value="ORG">Organization</option>
                  <option value="TERM">Term (system, project, place)</option>
                </select>
              </div>
              <button type="submit" className="btn" disabled={busy || term.trim().length < 2}>
                Add
              </button>
            </form>
          ) : null}
        </section>

        <section className="card" aria-labelledby="redacted-title">
          <h2 id="redacted-title">The redacted transcript</h2>
          <p className="muted">
            What the out-tasker will read{run.revision > 1 ? ` (revision ${run.revision})` : ''}.
          </p>
          <TextView text={redactedText ?? ''} />
        </section>
      </div>
    </div>
  );
}
