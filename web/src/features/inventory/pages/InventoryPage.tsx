/**
 * Step 1, the task inventory: every task with what it costs in-house, what out-tasking would save, its
 * score and the step of the method it has reached. Sort by any column, filter by text, process, performer
 * and step (`?stage=` in the address, so other pages can link to a step), edit the common fields in place
 * (optimistic, rolled back on error), add a task, export CSV.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { api, staleWrite } from '../../../api/client.ts';
import type { Money, TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery as setUrlQuery, useLocation } from '../../../app/router.tsx';
import { useCurrency } from '../../../app/session.tsx';
import { DataTable, SortHeader, type SortState } from '../../../ui/DataTable.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtCount, fmtHours, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { MoreRows, usePagedRows } from '../../../ui/pagedRows.tsx';
import { StageBadge } from '../../../ui/StageBadge.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { ProgressResponse } from '../../procedures/types.ts';
import { AddTaskDialog } from '../components/AddTaskDialog.tsx';
import { EmptyInventory } from '../components/EmptyInventory.tsx';
import type { QuickEditResult } from '../components/QuickEdit.tsx';
import { StageFunnel } from '../components/StageFunnel.tsx';
import {
  COLUMNS,
  type EditorState,
  TaskRowWithEditor,
  useVisibleColumnCount,
} from '../components/TaskRows.tsx';
import {
  compareText,
  countByStage,
  parseStage,
  type SortKey,
  type StageByTask,
  sortTasks,
} from '../inventorySort.ts';
import { useInventoryRefs } from '../useInventoryRefs.ts';

const NOBODY = '__nobody__';
const NO_STAGES: StageByTask = {};
function sumMoney(
  rows: readonly TaskListItem[],
  pick: (t: TaskListItem) => Money | null,
  currency: string,
): Money {
  let total = 0;
  for (const t of rows) {
    const m = pick(t);
    if (m) total += m.amountMinor;
  }
  return { amountMinor: total, currency };
}

export function InventoryPage() {
  usePageTitle('Inventory');
  const currency = useCurrency();
  const toast = useToast();
  const tasks = useApi<TaskListItem[]>('/tasks');
  const progress = useApi<ProgressResponse>('/procedures/progress');
  const refs = useInventoryRefs();
  const { search } = useLocation();
  const stageFilter = parseStage(search.get('stage'));
  const [query, setQuery] = useState('');
  const [processFilter, setProcessFilter] = useState('');
  const [performerFilter, setPerformerFilter] = useState('');
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'inHouse', dir: -1 });
  const [editor, setEditor] = useState<EditorState | null>(null);
  const editingId = editor?.id ?? null;
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const colSpan = useVisibleColumnCount();

  const rows = tasks.data;
  const stages: StageByTask = progress.data?.byTask ?? NO_STAGES;

  const searchIndex = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of rows ?? []) {
      m.set(t.id, `${t.name}\n${t.description}\n${t.process}\n${t.performer ?? ''}`.toLocaleLowerCase());
    }
    return m;
  }, [rows]);

  // Every filter but the step: the progress tiles count these, so they show how far the tasks of one
  // process or person have come.
  const matching = useMemo(() => {
    const q = deferredQuery.trim().toLocaleLowerCase();
    return (rows ?? []).filter(
      (t) =>
        (!processFilter || t.process === processFilter) &&
        (!performerFilter ||
          (performerFilter === NOBODY ? t.performer === null : t.performer === performerFilter)) &&
        (!q || searchIndex.get(t.id)!.includes(q)),
    );
  }, [rows, deferredQuery, processFilter, performerFilter, searchIndex]);
  const filtered = useMemo(
    () => (stageFilter ? matching.filter((t) => stages[t.id] === stageFilter) : matching),
    [matching, stageFilter, stages],
  );
  const stageCounts = useMemo(() => countByStage(matching, stages), [matching, stages]);

  const sorted = useMemo(() => sortTasks(filtered, sort.key, sort.dir, stages), [filtered, sort, stages]);
  const paged = usePagedRows(sorted);
  const shown = paged.rows;

  const processNames = useMemo(
    () => [...new Set((rows ?? []).map((t) => t.process))].sort(compareText),
    [rows],
  );
  const performerNames = useMemo(
    () => [...new Set((rows ?? []).flatMap((t) => (t.performer ? [t.performer] : [])))].sort(compareText),
    [rows],
  );

  const totals = useMemo(
    () => ({
      hours: filtered.reduce((s, t) => s + t.annualHours, 0),
      measured: filtered.reduce((s, t) => s + t.measuredHours, 0),
      inHouse: sumMoney(filtered, (t) => t.inHouseAnnualCost, currency),
      saving: sumMoney(
        filtered,
        (t) => (t.annualSaving && t.annualSaving.amountMinor > 0 ? t.annualSaving : null),
        currency,
      ),
    }),
    [filtered, currency],
  );

  const onSort = useCallback((key: SortKey) => {
    setSort((s) => {
      if (s.key === key) return { key, dir: s.dir === 1 ? -1 : 1 };
      const col = COLUMNS.find((c) => c.key === key)!;
      return { key, dir: col.firstDir ?? (col.numeric ? -1 : 1) };
    });
  }, []);
  const clearFilters = () => {
    setQuery('');
    setProcessFilter('');
    setPerformerFilter('');
    setUrlQuery({ stage: null });
  };
  const onEdit = useCallback((id: string | null) => setEditor(id ? { id } : null), []);

  const { setData, reload } = tasks;
  /** Shows the change at once, saves it, then refreshes the figures; puts the row back if the save fails. */
  const saveQuickEdit = useCallback(
    async (before: TaskListItem, change: QuickEditResult): Promise<void> => {
      setData((list) => list?.map((t) => (t.id === before.id ? { ...t, ...change.optimistic } : t)));
      setPending((p) => new Set(p).add(before.id));
      setEditor(null);
      try {
        await api.patch(`/tasks/${encodeURIComponent(before.id)}`, change.patch, { ifMatch: before.version });
        await reload();
        toast(`Saved “${before.name}”`);
      } catch (err) {
        // Put the row back and reopen its editor with what was typed and why it was refused.
        setData((list) => list?.map((t) => (t.id === before.id ? before : t)));
        setEditor({ id: before.id, draft: change.draft, error: err });
        // Someone saved this task meanwhile: show their figures (the editor keeps what was typed).
        if (staleWrite(err)) void reload();
      } finally {
        setPending((p) => {
          const n = new Set(p);
          n.delete(before.id);
          return n;
        });
      }
    },
    [setData, reload, toast],
  );

  if (tasks.error && !rows) return <ErrorBanner error={tasks.error} onRetry={() => void tasks.reload()} />;
  // A link to one step waits for the steps, rather than flashing "no task matches" or every task.
  if (!rows || (stageFilter && !progress.data && !progress.error)) {
    return <Loading label="Loading the inventory…" />;
  }

  const otherFiltersOn = Boolean(query || processFilter || performerFilter);
  const filtersOn = otherFiltersOn || stageFilter !== null;
  const addDialog = (
    <AddTaskDialog
      open={adding}
      onClose={() => setAdding(false)}
      onCreated={async () => {
        await Promise.all([tasks.reload(), refs.reload(), progress.reload()]);
      }}
      members={refs.members}
      processes={refs.processes}
      currency={currency}
      {...(processFilter
        ? { defaultProcessId: refs.processes.find((p) => p.name === processFilter)?.id ?? '' }
        : {})}
    />
  );

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Task inventory</h1>
          <p className="lede">
            Every task the firm does, what it costs a year in-house, and what out-tasking it would save.
          </p>
        </div>
        {rows.length > 0 ? (
          <div className="page-actions">
            <a className="btn" href="/api/tasks/export.csv" download>
              Export CSV
            </a>
            <Link className="btn" to="/inventory/import">
              Import
            </Link>
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              Add task
            </button>
          </div>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <EmptyInventory onAdd={() => setAdding(true)} />
      ) : (
        <>
          {progress.data ? (
            <StageFunnel
              counts={stageCounts}
              active={stageFilter}
              {...(otherFiltersOn ? { scope: 'filtered' } : {})}
            />
          ) : null}
          {progress.error ? (
            <ErrorBanner
              error={progress.error}
              title="The steps of the method could not be read."
              onRetry={() => void progress.reload()}
            />
          ) : null}

          <div className="toolbar">
            <input
              type="search"
              className="search"
              placeholder="Filter tasks by name, description, process or person…"
              aria-label="Filter tasks"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <select
              aria-label="Process"
              value={processFilter}
              onChange={(e) => setProcessFilter(e.target.value)}
            >
              <option value="">All processes</option>
              {processNames.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <select
              aria-label="Done by"
              value={performerFilter}
              onChange={(e) => setPerformerFilter(e.target.value)}
            >
              <option value="">Everyone</option>
              {performerNames.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
              <option value={NOBODY}>Nobody assigned</option>
            </select>
            {stageFilter ? (
              <span className="filter-chip">
                <StageBadge stage={stageFilter} />
                <button
                  type="button"
                  className="filter-chip-remove"
                  aria-label="Show every stage"
                  title="Show every stage"
                  onClick={() => setUrlQuery({ stage: null })}
                >
                  ×
                </button>
              </span>
            ) : null}
            {filtersOn ? (
              <button type="button" className="btn btn-quiet btn-small" onClick={clearFilters}>
                Clear filters
              </button>
            ) : null}
            <span className="count" aria-live="polite">
              {filtered.length === rows.length
                ? fmtCount(rows.length, 'task')
                : `${fmtNumber(filtered.length)} of ${fmtNumber(rows.length)} tasks`}
            </span>
          </div>

          {tasks.error ? (
            <ErrorBanner error={tasks.error} title="The figures could not be refreshed." />
          ) : null}

          <DataTable className="inventory-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader key={c.key} col={c} sort={sort} onSort={onSort} />
                ))}
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <TaskRowWithEditor
                  key={t.id}
                  t={t}
                  stage={stages[t.id]}
                  editing={editingId === t.id}
                  editor={editingId === t.id ? editor : null}
                  pending={pending.has(t.id)}
                  onEdit={onEdit}
                  onSave={saveQuickEdit}
                  members={refs.members}
                  currency={currency}
                  colSpan={colSpan}
                />
              ))}
              <MoreRows paged={paged} colSpan={colSpan} what="tasks" />
              {sorted.length === 0 ? (
                <tr>
                  <td colSpan={colSpan} className="muted" style={{ textAlign: 'center', padding: 28 }}>
                    No task matches these filters.{' '}
                    <button type="button" className="btn btn-quiet btn-small" onClick={clearFilters}>
                      Clear filters
                    </button>
                  </td>
                </tr>
              ) : null}
            </tbody>
            {sorted.length > 0 ? (
              <tfoot>
                <tr>
                  <td>Total · {fmtCount(filtered.length, 'task')}</td>
                  <td className="hide-xl" />
                  <td />
                  <td />
                  <td className="num">{fmtHours(totals.hours)}</td>
                  <td className="num hide-lg">{fmtHours(totals.measured, { dashForZero: true })}</td>
                  <td className="num">{fmtMoney(totals.inHouse)}</td>
                  <td
                    className="num positive"
                    title="Sum of the savings above zero: tasks that would cost more out-tasked are left out"
                  >
                    {fmtMoney(totals.saving)}
                  </td>
                  <td />
                  <td />
                </tr>
              </tfoot>
            ) : null}
          </DataTable>
        </>
      )}
      {addDialog}
    </div>
  );
}
