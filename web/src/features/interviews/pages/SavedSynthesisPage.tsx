/**
 * A saved synthesis, reopened to be edited before the client sees it: its themes per question with how
 * many raised each and their quotes, each editable (ThemeEditor); the engagement and the deck's title;
 * the downloads rendered from the edited version; the edit log with who made each change. Every write
 * names the version it was made on (If-Match): when someone else saved first, the page says so and
 * shows their version.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtCount } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { ThemeEditor, type ThemeRef } from '../components/ThemeEditor.tsx';
import type { SavedSynthesis, SynthesisEdit, SynthesisEditEntry } from '../savedTypes.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function SavedSynthesisPage({ id }: { id: string }) {
  const base = `/syntheses/${encodeURIComponent(id)}`;
  const res = useApi<SavedSynthesis>(base);
  const log = useApi<SynthesisEditEntry[]>(`${base}/edits`);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [title, setTitle] = useState('');
  const [engagement, setEngagement] = useState('');
  const s = res.data;
  usePageTitle(s ? s.title : 'Saved synthesis');
  useEffect(() => {
    if (s) {
      setTitle(s.title);
      setEngagement(s.engagement);
    }
  }, [s]);

  const people = useMemo(() => new Map((s?.people ?? []).map((p) => [p.id, p.label])), [s]);

  /** One write over the version shown; a stale one reloads what the other person saved. */
  async function write(send: (version: number) => Promise<SavedSynthesis>, done: string): Promise<boolean> {
    if (!s) return false;
    setBusy(true);
    setError(null);
    try {
      res.setData(await send(s.version));
      void log.reload();
      toast(done);
      return true;
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'STALE_WRITE') {
        await res.reload();
        void log.reload();
      }
      return false;
    } finally {
      setBusy(false);
    }
  }
  const apply = (edit: SynthesisEdit) =>
    write((v) => api.post<SavedSynthesis>(`${base}/edits`, edit, { ifMatch: v }), 'Saved');

  if (res.error && !s)
    return <ErrorBanner error={res.error} title="The saved synthesis could not be loaded." />;
  if (!s) return <Loading label="Loading the saved synthesis…" />;

  const allThemes: ThemeRef[] = s.insights.questions.flatMap((q, qi) =>
    q.themes.map((t, ti) => ({
      id: t.id,
      label: `Q${qi + 1} · ${s.preview.questions[qi]?.themes[ti]?.label ?? t.label}`,
    })),
  );

  return (
    <div className="page page-narrow">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            Automate / <Link to="/interviews/syntheses">Saved syntheses</Link>
          </div>
          <h1>{s.title}</h1>
          <p className="lede">
            {s.engagement}
            {s.task ? ` · ${s.task.name}` : ''} · {fmtCount(s.interviews, 'interview')} · version {s.version}
            {s.updatedBy ? ` · last changed by ${s.updatedBy.name}, ${when(s.updatedAt)}` : ''}
          </p>
        </div>
        <div className="page-actions">
          <a className="btn" href={`/api${base}/report`} download>
            Report (.md)
          </a>
          <a className="btn" href={`/api${base}/insights`} download>
            insights.json
          </a>
          <a className="btn btn-primary" href={`/api${base}/deck`} download>
            Download the edited deck (.pptx)
          </a>
        </div>
      </div>

      <div aria-live="polite">
        {error ? (
          <ErrorBanner
            error={error}
            title={
              error instanceof ApiError && error.code === 'STALE_WRITE'
                ? 'Someone else changed this synthesis first: their version is shown now, nothing of yours was saved.'
                : 'The change was not saved.'
            }
          />
        ) : null}
      </div>

      <section className="card syn-edit-meta" aria-labelledby="syn-meta-title">
        <h2 id="syn-meta-title">Deck and engagement</h2>
        <form
          className="syn-edit-row"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void apply({ op: 'retitle', title });
          }}
        >
          <label htmlFor="syn-edit-title">Deck title</label>
          <input
            id="syn-edit-title"
            type="text"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn-small"
            disabled={busy || !title.trim() || title === s.title}
          >
            Save the title
          </button>
        </form>
        <form
          className="syn-edit-row"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void write(
              (v) => api.patch<SavedSynthesis>(base, { engagement }, { ifMatch: v }),
              'Engagement saved',
            );
          }}
        >
          <label htmlFor="syn-edit-engagement">Engagement</label>
          <input
            id="syn-edit-engagement"
            type="text"
            value={engagement}
            maxLength={200}
            onChange={(e) => setEngagement(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn-small"
            disabled={busy || !engagement.trim() || engagement === s.engagement}
          >
            Save the engagement
          </button>
        </form>
        <p className="muted">
          {s.transcripts === 'kept'
            ? `Transcripts kept (${s.files.length}): other quotes can be picked from them.`
            : 'The transcripts were not kept: quotes can be moved between themes, not picked from the transcripts.'}
          {s.anonymized ? ' The deck and the report show interviewees by role.' : ''}
        </p>
      </section>

      {s.insights.questions.map((q, qi) => {
        const shown = s.preview.questions[qi]!;
        const refs = q.themes.map((t, ti) => ({ id: t.id, label: shown.themes[ti]?.label ?? t.label }));
        return (
          <section key={q.id} className="section syn-edit-question" aria-labelledby={`syn-eq-${q.id}`}>
            <h2 id={`syn-eq-${q.id}`}>
              Q{qi + 1}. {shown.text}
            </h2>
            <p className="muted">{shown.answered} answered</p>
            {q.themes.length === 0 ? <p className="muted">No theme.</p> : null}
            <ol className="syn-edit-themes">
              {q.themes.map((t, ti) => (
                <ThemeEditor
                  key={`${t.id}-${s.version}`}
                  synthesisId={id}
                  theme={t}
                  shown={shown.themes[ti]!}
                  of={shown.answered}
                  siblings={refs.filter((r) => r.id !== t.id)}
                  everyTheme={allThemes.filter((r) => r.id !== t.id)}
                  people={people}
                  position={{ first: ti === 0, last: ti === q.themes.length - 1 }}
                  transcriptsKept={s.transcripts === 'kept'}
                  busy={busy}
                  apply={apply}
                  onReorder={(d) => {
                    const ids = q.themes.map((x) => x.id);
                    [ids[ti], ids[ti + d]] = [ids[ti + d]!, ids[ti]!];
                    void apply({ op: 'reorder', questionId: q.id, themeIds: ids });
                  }}
                />
              ))}
            </ol>
          </section>
        );
      })}

      <section className="section" aria-labelledby="syn-log-title">
        <h2 id="syn-log-title">Edit log</h2>
        {log.data && log.data.length === 0 ? (
          <p className="muted">No edits yet: this is the synthesis as built.</p>
        ) : null}
        <ol className="syn-edit-log">
          {(log.data ?? []).map((e) => (
            <li key={e.version}>
              <span className="muted">
                v{e.version} · {e.by?.name ?? 'command line'} · {when(e.at)}
              </span>{' '}
              {e.summary}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
