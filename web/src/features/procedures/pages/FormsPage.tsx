/**
 * Standard forms, above all the executive-interview form: versioned, attached to a task's procedure,
 * imported and exported as the YAML `outtask deck --form` reads, so one form drives the interviews
 * and their synthesis.
 */

import { useState } from 'react';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery, useLocation } from '../../../app/router.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtCount } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { FormEditor } from '../components/FormEditor.tsx';
import { FormImportCard } from '../components/FormImportCard.tsx';
import { FormView } from '../components/FormView.tsx';
import type { FormSummary } from '../types.ts';

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
            One standard form per kind of conversation. The same form guides the interviews and sorts their
            answers in the interview synthesis; each downloads as YAML.
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
        <div className="section">
          <FormEditor
            form={null}
            onCancel={() => setCreating(false)}
            onSaved={async (id) => {
              setCreating(false);
              await forms.reload();
              setQuery({ form: id });
            }}
          />
        </div>
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
                      v{f.latest.number} · {fmtCount(f.latest.questions.length, 'question')} ·{' '}
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
        <FormImportCard
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
