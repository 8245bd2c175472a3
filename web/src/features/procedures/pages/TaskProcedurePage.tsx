/**
 * One task through steps 2–4: its ways of working and their comparison, the standard procedure
 * (editor, waste, map, brief), its versions and their differences, and its forms.
 */
import type { KeyboardEvent } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery, useLocation } from '../../../app/router.tsx';
import { STAGE_LABEL } from '../../../app/steps.ts';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { StageBadge } from '../../../ui/StageBadge.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { synthesisPath } from '../../interviews/links.ts';
import { HistoryTab } from '../components/HistoryTab.tsx';
import { ProcedureTab } from '../components/ProcedureTab.tsx';
import { WaysTab } from '../components/WaysTab.tsx';
import type { TaskOverview } from '../types.ts';

const TABS = [
  { id: 'ways', label: 'Ways of working' },
  { id: 'procedure', label: 'Procedure' },
  { id: 'history', label: 'Versions' },
  { id: 'forms', label: 'Forms' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function TaskProcedurePage({ taskId }: { taskId: string }) {
  const res = useApi<TaskOverview>(`/procedures/tasks/${encodeURIComponent(taskId)}`);
  const { search } = useLocation();
  const o = res.data;
  usePageTitle(o?.task.name);
  const requested = search.get('tab') as TabId | null;
  const tab: TabId =
    requested && TABS.some((t) => t.id === requested) ? requested : o?.versions.length ? 'procedure' : 'ways';

  if (res.error && !o) {
    return (
      <div className="page">
        <div className="breadcrumb">
          <Link to="/procedures">Ways of working</Link>
        </div>
        <ErrorBanner error={res.error} onRetry={() => void res.reload()} />
      </div>
    );
  }
  if (!o) return <Loading label="Loading the task…" />;

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length]!;
    setQuery({ tab: t.id });
    document.getElementById(`pr-tab-${t.id}`)?.focus();
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/procedures">Ways of working</Link> / {o.process}
          </div>
          <h1>{o.task.name}</h1>
          <p className="lede">
            <StageBadge stage={o.progress.stage} /> ·{' '}
            {o.performer ? `done by ${o.performer} today` : 'nobody assigned'}
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn" to={`/inventory/tasks/${encodeURIComponent(o.task.id)}`}>
            Costs and opportunity
          </Link>
        </div>
      </div>

      <details className="card" style={{ marginBottom: 20 }}>
        <summary>
          <strong>
            Step {o.progress.step} of 6: {STAGE_LABEL[o.progress.stage]}
          </strong>{' '}
          <span className="muted small">— derived from the data below; show why</span>
        </summary>
        <ul className="pr-checks" style={{ marginTop: 12 }}>
          {o.progress.checks.map((c) => (
            <li key={c.stage}>
              <span className={c.done ? 'done' : 'todo'}>
                <span aria-hidden="true">{c.done ? '✓' : '○'}</span>
                <span className="visually-hidden">{c.done ? 'done:' : 'not yet:'}</span>
              </span>
              <strong>{STAGE_LABEL[c.stage]}</strong>
              <span className="muted">{c.reason}</span>
            </li>
          ))}
        </ul>
      </details>

      <div className="pr-tabs" role="tablist" aria-label="Parts of the procedure">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`pr-tab-${t.id}`}
            type="button"
            role="tab"
            className="pr-tab"
            aria-selected={tab === t.id}
            aria-controls="pr-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setQuery({ tab: t.id })}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
            {t.id === 'ways' ? ` (${o.variants.length})` : ''}
            {t.id === 'history' ? ` (${o.versions.length})` : ''}
            {t.id === 'forms' ? ` (${o.forms.length})` : ''}
          </button>
        ))}
      </div>

      <div id="pr-tabpanel" role="tabpanel" aria-labelledby={`pr-tab-${tab}`}>
        {tab === 'ways' ? <WaysTab overview={o} reload={res.reload} /> : null}
        {tab === 'procedure' ? <ProcedureTab overview={o} reload={res.reload} /> : null}
        {tab === 'history' ? <HistoryTab overview={o} /> : null}
        {tab === 'forms' ? <FormsTab overview={o} /> : null}
      </div>
    </div>
  );
}

function FormsTab({ overview }: { overview: TaskOverview }) {
  if (overview.forms.length === 0) {
    return (
      <section className="card">
        <p className="muted">
          No form is attached to this procedure. On <Link to="/forms">Forms</Link>, write a new form or import
          one as YAML, and attach it to this task.
        </p>
      </section>
    );
  }
  return (
    <>
      {overview.forms.map((f) => (
        <section key={f.id} className="card">
          <div className="card-head">
            <div>
              <h2>{f.latest.title}</h2>
              <p className="muted small">
                Form “{f.name}”, version {f.latest.number} of {f.versions}
              </p>
            </div>
            <div className="page-actions">
              <a
                className="btn btn-small"
                href={`/api/forms/${encodeURIComponent(f.id)}/export.yaml`}
                download
              >
                Download YAML
              </a>
              <Link className="btn btn-small" to={`/forms?form=${encodeURIComponent(f.id)}`}>
                Edit
              </Link>
              <Link className="btn btn-small btn-primary" to={synthesisPath(f.id)}>
                Build a deck from transcripts
              </Link>
            </div>
          </div>
          <ol className="pr-question-list">
            {f.latest.questions.map((q) => (
              <li key={q.id}>
                {q.text}
                <code>{q.id}</code>
                {q.hint ? <div className="muted small">{q.hint}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
