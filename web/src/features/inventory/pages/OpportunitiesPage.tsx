/**
 * The ranked opportunities: which tasks to hand out first, what each saves a year, whose hours it frees,
 * and why each scores what it scores. Totals for the top N and a chart of the savings.
 */
import { Fragment, useMemo, useState } from 'react';
import type { OpportunitiesResponse, OpportunityItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { HorizontalBarChart } from '../../../ui/charts.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtHours, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { MoreRows, usePagedRows } from '../../../ui/pagedRows.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { synthesisPath, useSynthesisForms } from '../../interviews/links.ts';
import { FactorList, ScoreMeter } from '../components/Score.tsx';

const TOP_CHOICES = [5, 10, 20, 50] as const;
const ALL = 100_000;
/** More bars than this stop being readable; the table has the rest. */
const CHART_MAX_BARS = 15;

const GROUP_TITLES: Record<OpportunityItem['group'], { title: string; note: string } | null> = {
  saving: null,
  loss: {
    title: 'Would cost more out-tasked',
    note: 'Doing these in-house is cheaper at today’s market prices; smallest loss first.',
  },
  not_out_taskable: {
    title: 'Cannot be out-tasked yet',
    note: 'A market price, a deliverable or an in-house cost is missing; by score.',
  },
};

const NONE: OpportunityItem[] = [];

const taskHref = (o: OpportunityItem) => `/inventory/tasks/${encodeURIComponent(o.taskId)}`;

function OpportunityRow({
  o,
  open,
  onToggle,
  synthesisForm,
}: {
  o: OpportunityItem;
  open: boolean;
  onToggle: () => void;
  /** The interview form attached to this task: the synthesis can do it. */
  synthesisForm?: string | undefined;
}) {
  const saving = o.annualSaving;
  return (
    <>
      <tr className={open ? 'row-editing' : undefined}>
        <td className="num faint">{o.rank}</td>
        <td>
          <Link className="task-name" to={taskHref(o)}>
            {o.name}
          </Link>
          {synthesisForm ? (
            <Link
              className="badge badge-accent software-badge"
              to={synthesisPath(synthesisForm)}
              title="The interview synthesis drafts this deck from the transcripts in seconds"
            >
              software can do it
            </Link>
          ) : null}
          <span className="sub">
            {o.process}
            {o.notOutTaskableReason ? ` · ${o.notOutTaskableReason}` : ''}
          </span>
        </td>
        <td className="num">
          <button
            type="button"
            className="score-button"
            aria-expanded={open}
            aria-label={`Score ${o.score}: show the factors`}
            title={o.scoreExplanation}
            onClick={onToggle}
          >
            <ScoreMeter score={o.score} />
          </button>
        </td>
        <td className="num hide-md">{fmtMoney(o.inHouseAnnualCost)}</td>
        <td className="num hide-lg">{fmtMoney(o.outTaskedAnnualCost)}</td>
        <td
          className={saving === null ? 'num faint' : saving.amountMinor > 0 ? 'num positive' : 'num negative'}
        >
          {fmtMoney(saving)}
        </td>
        <td className="num">
          {o.founderHoursFreed ? fmtHours(o.founderHoursFreed) : <span className="faint">—</span>}
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td />
          <td colSpan={6}>
            <FactorList factors={o.factors} explanation={o.scoreExplanation} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function OpportunitiesPage() {
  usePageTitle('Opportunities');
  const [top, setTop] = useState<number>(10);
  const res = useApi<OpportunitiesResponse>(`/opportunities?top=${top}`);
  const formByTask = useSynthesisForms();
  const [openId, setOpenId] = useState<string | null>(null);
  const data = res.data;
  const paged = usePagedRows(data?.opportunities ?? NONE);

  const chartData = useMemo(
    () =>
      (data?.opportunities ?? [])
        .filter((o) => o.group === 'saving' && o.annualSaving !== null && o.annualSaving.amountMinor > 0)
        .slice(0, CHART_MAX_BARS)
        // Bars of falling length read as a sort by saving, so that is the order they are drawn in (the
        // ranking weighs the score too: the table below keeps the ranking order).
        .sort((a, b) => b.annualSaving!.amountMinor - a.annualSaving!.amountMinor)
        .map((o) => ({ key: o.taskId, label: o.name, value: o.annualSaving!, href: taskHref(o) })),
    [data],
  );

  if (res.error && !data) return <ErrorBanner error={res.error} onRetry={() => void res.reload()} />;
  if (!data) return <Loading label="Ranking the tasks…" />;

  const t = data.totals;
  const all = t.topN >= t.taskCount;
  const topLabel = all ? 'all tasks' : `the top ${fmtNumber(t.topN)}`;

  if (t.taskCount === 0) {
    return (
      <div className="page">
        <div className="page-head">
          <div>
            <h1>Opportunities</h1>
            <p className="lede">The tasks worth handing out first, ranked by what they would save.</p>
          </div>
        </div>
        <EmptyState
          title="Nothing to rank yet"
          actions={
            <>
              <Link className="btn btn-primary" to="/inventory/import">
                Import tasks or time entries
              </Link>
              <Link className="btn" to="/inventory">
                Open the inventory
              </Link>
            </>
          }
        >
          <p>
            The ranking needs a task inventory: what the firm does, how often, how long and who does it.
            Import the Outtask template or a Harvest, Toggl Track or Clockify export, and the opportunities
            appear here.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Opportunities</h1>
          <p className="lede">
            The tasks worth handing out first: what each saves a year, whose hours it frees, and how ready it
            is for an outsider.
          </p>
        </div>
        <div className="page-actions">
          <label className="visually-hidden" htmlFor="top-n">
            How many tasks
          </label>
          <select
            id="top-n"
            value={top}
            onChange={(e) => setTop(Number(e.target.value))}
            style={{ width: 'auto' }}
          >
            {TOP_CHOICES.map((n) => (
              <option key={n} value={n}>
                Top {n}
              </option>
            ))}
            <option value={ALL}>All {fmtNumber(t.taskCount)} tasks</option>
          </select>
        </div>
      </div>

      <div className="stats">
        <div className="stat stat-primary">
          <div className="stat-label">Saving from {topLabel}</div>
          <div className="stat-value">{fmtMoney(t.topNSaving)}</div>
          <div className="stat-note">a year, out-tasked</div>
        </div>
        <div className="stat">
          <div className="stat-label">Founder hours freed</div>
          <div className="stat-value">{fmtHours(t.founderHoursFreedTopN)}</div>
          <div className="stat-note">a year, by {topLabel}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Hours freed, everyone</div>
          <div className="stat-value">{fmtHours(t.hoursFreedTopN)}</div>
          <div className="stat-note">a year, review time deducted</div>
        </div>
        <div className="stat">
          <div className="stat-label">Saving available</div>
          <div className="stat-value">{fmtMoney(t.savingAvailable)}</div>
          <div className="stat-note">
            all {fmtNumber(t.outTaskableCount)} priced tasks · in-house{' '}
            {fmtMoney(t.inHouseAnnualCost, { compact: true })}
          </div>
        </div>
      </div>

      {res.error ? <ErrorBanner error={res.error} title="The ranking could not be refreshed." /> : null}

      <section className="card" aria-labelledby="chart-title">
        <div className="card-head">
          <h2 id="chart-title">Annual saving of the top {fmtNumber(chartData.length)}</h2>
          <span className="muted" style={{ fontSize: '0.86rem' }}>
            in-house cost minus out-tasked cost, a year
          </span>
        </div>
        {chartData.length > 0 ? (
          <HorizontalBarChart
            data={chartData}
            title={`Annual saving of the top ${chartData.length} ranked tasks`}
            caption="Largest saving first. The ranking below also weighs how ready each task is, so its order differs."
            valueHeading="Saving a year"
          />
        ) : (
          <p className="muted">
            No task saves money out-tasked yet. Add market prices to the tasks in the inventory to see where
            out-tasking pays.
          </p>
        )}
      </section>

      <section className="section" aria-labelledby="ranking-title">
        <div className="card-head">
          <h2 id="ranking-title">Ranking</h2>
          <span className="muted" style={{ fontSize: '0.86rem' }}>
            Click a score for its factors.
          </span>
        </div>
        <DataTable className="opportunities-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Task</th>
              <th scope="col" className="num" title="Out-taskability, 0–100">
                Score
              </th>
              <th scope="col" className="num hide-md">
                In-house/yr
              </th>
              <th scope="col" className="num hide-lg">
                Out-tasked/yr
              </th>
              <th scope="col" className="num">
                Saving/yr
              </th>
              <th scope="col" className="num" title="The founder's hours freed a year, review time deducted">
                Founder hours
              </th>
            </tr>
          </thead>
          <tbody>
            {paged.rows.map((o, i) => {
              const prev = paged.rows[i - 1];
              const header = prev && prev.group !== o.group ? GROUP_TITLES[o.group] : null;
              return (
                <Fragment key={o.taskId}>
                  {header ? (
                    <tr className="group-row">
                      <td />
                      <td colSpan={6}>
                        {header.title}
                        <span
                          className="sub"
                          style={{ textTransform: 'none', letterSpacing: 0, fontWeight: 400 }}
                        >
                          {header.note}
                        </span>
                      </td>
                    </tr>
                  ) : null}
                  <OpportunityRow
                    o={o}
                    synthesisForm={formByTask.get(o.taskId)?.id}
                    open={openId === o.taskId}
                    onToggle={() => setOpenId((id) => (id === o.taskId ? null : o.taskId))}
                  />
                </Fragment>
              );
            })}
            <MoreRows paged={paged} colSpan={7} what="tasks" />
          </tbody>
        </DataTable>
        <p className="muted ordering" style={{ fontSize: '0.88rem', marginTop: 12 }}>
          {data.ordering}
        </p>
      </section>
    </div>
  );
}
