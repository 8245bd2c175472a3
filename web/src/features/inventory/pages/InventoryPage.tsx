/**
 * Step 1, the task inventory: every task with what it costs in-house, what out-tasking would save, its
 * score and the step of the method it has reached. Sort by any column, filter by text, process, performer
 * and step (`?stage=` in the address, so other pages can link to a step), edit the common fields in place
 * (optimistic, rolled back on error), add a task, export CSV.
 */
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Member, Money, TaskListItem } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery as setUrlQuery, useLocation } from '../../../app/router.tsx';
import { useCurrency } from '../../../app/session.tsx';
import { DataTable, type SortColumn, SortHeader, type SortState } from '../../../ui/DataTable.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtHours, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { MoreRows, usePagedRows } from '../../../ui/pagedRows.tsx';
import { StageBadge } from '../../../ui/StageBadge.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useMediaQuery } from '../../../ui/useMediaQuery.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { ProgressResponse, Stage } from '../../procedures/types.ts';
import { AddTaskDialog } from '../components/AddTaskDialog.tsx';
import { EmptyInventory } from '../components/EmptyInventory.tsx';
import { QuickEdit, type QuickEditDraft, type QuickEditResult } from '../components/QuickEdit.tsx';
import { ScoreMeter } from '../components/Score.tsx';
import { StageFunnel } from '../components/StageFunnel.tsx';
import {
  compareText,
  countByStage,
  parseStage,
  type SortKey,
  type StageByTask,
  sortTasks,
} from '../inventorySort.ts';
import { useInventoryRefs } from '../useInventoryRefs.ts';

interface Column extends SortColumn<SortKey> {
  /** Sort direction on first click; by default numbers biggest first, text A→Z. */
  firstDir?: 1 | -1;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Task', numeric: false },
  { key: 'process', label: 'Process', numeric: false, className: 'hide-xl' },
  { key: 'performer', label: 'Done by', numeric: false },
  {
    key: 'stage',
    label: 'Stage',
    numeric: false,
    // Furthest along first: most tasks are still at step 1.
    firstDir: -1,
    title:
      'The step of the method the task has reached, derived from its procedure; sorts in the method’s order',
  },
  {
    key: 'annualHours',
    label: 'Hours/yr',
    numeric: true,
    title: 'Hours a year in-house: measured when imported, else estimated',
  },
  {
    key: 'measuredHours',
    label: 'Measured',
    numeric: true,
    title: 'Hours from imported time entries',
    className: 'hide-lg',
  },
  { key: 'inHouse', label: 'In-house/yr', numeric: true, title: 'What the task costs the firm a year' },
  { key: 'saving', label: 'Saving/yr', numeric: true, title: 'In-house cost − out-tasked cost, a year' },
  { key: 'score', label: 'Score', numeric: true, title: 'Out-taskability, 0–100' },
];

/**
 * How many columns are on screen: the hide-xl and hide-lg columns are hidden under these widths
 * (styles.css). A full-width row must span exactly these, or a fixed-layout table makes room for the
 * hidden ones and squeezes the task's name.
 */
function useVisibleColumnCount(): number {
  const xl = useMediaQuery('(max-width: 1499px)');
  const lg = useMediaQuery('(max-width: 1180px)');
  const hidden = (c: Column) =>
    (xl && c.className?.includes('hide-xl')) || (lg && c.className?.includes('hide-lg'));
  return COLUMNS.filter((c) => !hidden(c)).length + 1;
}

const NOBODY = '__nobody__';
const NO_STAGES: StageByTask = {};
/** Which row's editor is open; after a refused save, with what was typed and the server's answer. */
interface EditorState {
  id: string;
  draft?: QuickEditDraft;
  error?: unknown;
}

function SavingCell({ t }: { t: TaskListItem }) {
  if (t.annualSaving === null) {
    return (
      <td
        className="num faint"
        title={t.marketPricePerUnit ? 'In-house cost unknown' : 'No market price yet'}
      >
        —
      </td>
    );
  }
  const cls =
    t.annualSaving.amountMinor > 0 ? 'num positive' : t.annualSaving.amountMinor < 0 ? 'num negative' : 'num';
  return <td className={cls}>{fmtMoney(t.annualSaving)}</td>;
}

const BASIS_TEXT = {
  measured: 'From imported time entries',
  estimate: 'Estimate: occurrences × minutes × the performer’s hourly cost',
  unknown: 'Unknown: no performer and no imported time',
} as const;

interface RowProps {
  t: TaskListItem;
  /** Undefined while the steps of the method load (or when they could not be read). */
  stage: Stage | undefined;
  editing: boolean;
  pending: boolean;
  onEdit: (id: string | null) => void;
}

/** Rows re-render only when their own task, editing or pending state changes (1,000+ rows stay fast). */
const TaskRow = memo(function TaskRow({ t, stage, editing, pending, onEdit }: RowProps) {
  const cls = [editing ? 'row-editing' : '', pending ? 'row-pending' : ''].join(' ').trim() || undefined;
  return (
    <tr className={cls}>
      <td>
        <Link className="task-name" to={`/inventory/tasks/${encodeURIComponent(t.id)}`}>
          {t.name}
        </Link>
        <span className="sub process-sub">{t.process}</span>
      </td>
      <td className="hide-xl col-process">{t.process}</td>
      <td className="nowrap">{t.performer ?? <span className="faint">Nobody</span>}</td>
      <td className="col-stage">{stage ? <StageBadge stage={stage} /> : <span className="faint">—</span>}</td>
      <td className="num" title={BASIS_TEXT[t.costBasis]}>
        {fmtHours(t.annualHours)}
      </td>
      <td className="num hide-lg col-measured">{fmtHours(t.measuredHours, { dashForZero: true })}</td>
      <td className="num" title={BASIS_TEXT[t.costBasis]}>
        {t.costBasis === 'unknown' ? <span className="faint">—</span> : fmtMoney(t.inHouseAnnualCost)}
      </td>
      <SavingCell t={t} />
      <td className="num">
        <ScoreMeter score={t.score} />
      </td>
      <td className="num">
        <button
          type="button"
          className="edit-button"
          aria-expanded={editing}
          aria-label={editing ? `Close the editor of ${t.name}` : `Edit ${t.name}`}
          title={editing ? 'Close the editor' : 'Edit in place'}
          onClick={() => onEdit(editing ? null : t.id)}
        >
          <svg
            width="16"
            height="16"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            {editing ? (
              <path d="M6 6l12 12M18 6 6 18" strokeLinecap="round" />
            ) : (
              <path d="M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4" strokeLinecap="round" strokeLinejoin="round" />
            )}
          </svg>
        </button>
      </td>
    </tr>
  );
});

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
        await api.patch(`/tasks/${encodeURIComponent(before.id)}`, change.patch);
        await reload();
        toast(`Saved “${before.name}”`);
      } catch (err) {
        // Put the row back and reopen its editor with what was typed and why it was refused.
        setData((list) => list?.map((t) => (t.id === before.id ? before : t)));
        setEditor({ id: before.id, draft: change.draft, error: err });
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
                ? `${fmtNumber(rows.length)} tasks`
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
                  <td>Total · {fmtNumber(filtered.length)} tasks</td>
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

function TaskRowWithEditor(
  props: RowProps & {
    editor: EditorState | null;
    onSave: (before: TaskListItem, change: QuickEditResult) => Promise<void>;
    members: Member[];
    currency: string;
    /** The columns on screen, for the editor's full-width row. */
    colSpan: number;
  },
) {
  const { t, stage, editing, onEdit, onSave, members, currency, colSpan } = props;
  return (
    <>
      <TaskRow t={t} stage={stage} editing={editing} pending={props.pending} onEdit={onEdit} />
      {editing ? (
        <tr className="edit-row">
          <td colSpan={colSpan}>
            <QuickEdit
              task={t}
              members={members}
              currency={currency}
              {...(props.editor?.draft ? { initialDraft: props.editor.draft } : {})}
              initialError={props.editor?.error}
              onCancel={() => onEdit(null)}
              onSave={(change) => onSave(t, change)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
