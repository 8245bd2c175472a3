/**
 * The workspace view of steps 2–4: how many tasks sit at each step of the method, and the tasks with
 * recorded ways of working or a procedure — seen as ways (step 2), as procedures (step 3) or as
 * savings from cutting waste (step 4).
 */
import { useMemo, useState } from 'react';
import type { TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate, setQuery, useLocation } from '../../../app/router.tsx';
import { STAGE_LABEL, STAGE_ORDER } from '../../../app/steps.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney, fmtMoneyChange } from '../../../ui/format.ts';
import { StageBadge } from '../../../ui/StageBadge.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { fmtDuration } from '../format.ts';
import { taskPath } from '../paths.ts';
import type { ProcedureListRow, ProgressResponse, Stage } from '../types.ts';

export type ListView = 'ways' | 'procedures' | 'savings';

const TITLES: Record<ListView, { title: string; lede: string }> = {
  ways: {
    title: 'Ways of working',
    lede: 'How each task is done today, person by person, and the one standard way that replaces them.',
  },
  procedures: {
    title: 'Procedures',
    lede: 'Each standard procedure as ordered steps: who does what, with which tool, in how long.',
  },
  savings: {
    title: 'Waste and savings',
    lede: 'Steps done out of habit, marked as waste: the minutes and money cutting them saves.',
  },
};

function StartPicker() {
  const tasks = useApi<TaskListItem[]>('/tasks');
  const [choice, setChoice] = useState('');
  if (!tasks.data) return null;
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) navigate(taskPath(choice, 'ways'));
      }}
    >
      <label htmlFor="pr-start" className="visually-hidden">
        Task
      </label>
      <select
        id="pr-start"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        style={{ minWidth: 320 }}
      >
        <option value="">Choose a task of the inventory…</option>
        {tasks.data.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.process})
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary" disabled={!choice}>
        Record its ways of working
      </button>
    </form>
  );
}

/** "$32,464 less than approved" in green, "$1,200 more…" in red: the words carry the meaning, the color only repeats it. */
function DeltaMoney({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  return (
    <span className={amountMinor < 0 ? 'positive' : amountMinor > 0 ? 'negative' : undefined}>
      {amountMinor === 0 ? 'the same as approved' : `${fmtMoneyChange(amountMinor, currency)} than approved`}
    </span>
  );
}

export function ProceduresListPage({ view }: { view: ListView }) {
  const { title, lede } = TITLES[view];
  usePageTitle(title);
  const list = useApi<ProcedureListRow[]>('/procedures');
  const progress = useApi<ProgressResponse>('/procedures/progress');
  const { search } = useLocation();
  const stage = (search.get('stage') as Stage | null) ?? null;

  const rows = useMemo(() => {
    let r = list.data ?? [];
    if (view === 'procedures' || view === 'savings') r = r.filter((x) => x.current);
    if (stage) r = r.filter((x) => x.stage === stage);
    return r;
  }, [list.data, view, stage]);

  const error = list.error ?? progress.error;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="lede">{lede}</p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/forms">
            Forms
          </Link>
        </div>
      </div>

      {error ? (
        <ErrorBanner error={error} onRetry={() => void Promise.all([list.reload(), progress.reload()])} />
      ) : null}

      {progress.data ? (
        <section aria-label="Tasks at each step of the method">
          <div className="pr-stages">
            {STAGE_ORDER.map((s, i) => (
              <button
                key={s}
                type="button"
                className={`pr-stage stage-${i + 1}`}
                aria-pressed={stage === s}
                onClick={() => setQuery({ stage: stage === s ? null : s })}
                title={`Show the tasks whose last step reached is “${STAGE_LABEL[s]}”`}
              >
                <div className="pr-stage-num">Step {i + 1}</div>
                <div className="pr-stage-name">{STAGE_LABEL[s]}</div>
                <div className="pr-stage-count">{progress.data!.counts[s]}</div>
              </button>
            ))}
          </div>
        </section>
      ) : null}

      {!list.data && !error ? <Loading label="Loading the procedures…" /> : null}

      {list.data && list.data.length === 0 ? (
        <EmptyState title="No ways of working recorded yet" actions={<StartPicker />}>
          Pick a task, record how each person does it today, compare the ways side by side, and merge them
          into one standard procedure.
        </EmptyState>
      ) : null}

      {list.data && list.data.length > 0 ? (
        <section className="card">
          <div className="card-head">
            <h2>
              {rows.length} {rows.length === 1 ? 'task' : 'tasks'}
              {stage ? ` at “${STAGE_LABEL[stage]}”` : ''}
            </h2>
            {view === 'ways' ? <StartPicker /> : null}
          </div>
          {rows.length === 0 ? (
            <p className="muted">
              None here.{' '}
              {stage ? (
                <button type="button" className="link-button" onClick={() => setQuery({ stage: null })}>
                  Show every step
                </button>
              ) : null}
            </p>
          ) : (
            <DataTable flat>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Step of the method</th>
                  {view === 'ways' ? (
                    <>
                      <th scope="col" className="num">
                        Ways in use
                      </th>
                      <th scope="col" className="num">
                        Retired
                      </th>
                      <th scope="col">Standard</th>
                    </>
                  ) : null}
                  {view === 'procedures' ? (
                    <>
                      <th scope="col">Version</th>
                      <th scope="col" className="num">
                        Steps
                      </th>
                      <th scope="col" className="num">
                        Time
                      </th>
                      <th scope="col" className="num">
                        Forms
                      </th>
                    </>
                  ) : null}
                  {view === 'savings' ? (
                    <>
                      <th scope="col">Version</th>
                      <th scope="col" className="num">
                        Waste steps
                      </th>
                      <th scope="col" className="num">
                        Time, before → after
                      </th>
                      <th scope="col" className="num">
                        Cut by the waste, a year
                      </th>
                      <th scope="col" className="num">
                        Cost a year
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.taskId}>
                    <td>
                      <Link to={taskPath(r.taskId, view === 'ways' ? 'ways' : 'procedure')}>{r.task}</Link>
                      <div className="muted small">{r.process}</div>
                    </td>
                    <td>
                      <StageBadge stage={r.stage} />
                    </td>
                    {view === 'ways' ? (
                      <>
                        <td className="num">{r.activeVariants}</td>
                        <td className="num">{r.retiredVariants}</td>
                        <td>
                          {r.current ? (
                            <>
                              Version {r.current.number}{' '}
                              <span
                                className={r.current.status === 'approved' ? 'badge badge-positive' : 'badge'}
                              >
                                {r.current.status}
                              </span>
                            </>
                          ) : (
                            <span className="muted">not yet</span>
                          )}
                        </td>
                      </>
                    ) : null}
                    {view === 'procedures' && r.current ? (
                      <>
                        <td>
                          Version {r.current.number}{' '}
                          <span
                            className={r.current.status === 'approved' ? 'badge badge-positive' : 'badge'}
                          >
                            {r.current.status}
                          </span>
                          {r.draft && r.draft.id !== r.current.id ? (
                            <span className="muted small"> · draft {r.draft.number} open</span>
                          ) : null}
                        </td>
                        <td className="num">{r.current.stepCount}</td>
                        <td className="num">{fmtDuration(r.current.minutesAfterWaste)}</td>
                        <td className="num">{r.forms}</td>
                      </>
                    ) : null}
                    {view === 'savings' && r.economics ? (
                      <>
                        <td className="nowrap">
                          Version {r.economics.version.number}{' '}
                          <span
                            className={
                              r.economics.version.status === 'approved' ? 'badge badge-positive' : 'badge'
                            }
                          >
                            {r.economics.version.status}
                          </span>
                        </td>
                        <td className="num">{r.economics.version.wasteSteps}</td>
                        <td className="num nowrap">
                          {fmtDuration(r.economics.before.minutes)} → {fmtDuration(r.economics.after.minutes)}
                        </td>
                        <td className={r.economics.saving.perYear.amountMinor > 0 ? 'num positive' : 'num'}>
                          {fmtMoney(r.economics.saving.perYear)}
                        </td>
                        <td className="num">
                          {r.economics.version.status === 'draft' && r.economics.approvedPerYear
                            ? fmtMoney(r.economics.approvedPerYear)
                            : fmtMoney(r.economics.after.perYear)}
                          {r.economics.version.status === 'draft' && r.economics.approvedPerYear ? (
                            <div className="small" style={{ whiteSpace: 'normal' }}>
                              after the edit {fmtMoney(r.economics.after.perYear)},{' '}
                              <DeltaMoney
                                amountMinor={
                                  r.economics.after.perYear.amountMinor -
                                  r.economics.approvedPerYear.amountMinor
                                }
                                currency={r.economics.after.perYear.currency}
                              />
                            </div>
                          ) : null}
                        </td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : null}
    </div>
  );
}
