/**
 * The inventory table's columns and rows: one row per task (name, process, performer, stage, hours, cost,
 * saving, score) and, under the row being edited, the in-place editor.
 */
import { memo } from 'react';
import type { Member, TaskListItem } from '../../../api/types.ts';
import { Link } from '../../../app/router.tsx';
import type { SortColumn } from '../../../ui/DataTable.tsx';
import { fmtHours, fmtMoney } from '../../../ui/format.ts';
import { StageBadge } from '../../../ui/StageBadge.tsx';
import { useMediaQuery } from '../../../ui/useMediaQuery.ts';
import type { Stage } from '../../procedures/types.ts';
import type { SortKey } from '../inventorySort.ts';
import { QuickEdit, type QuickEditDraft, type QuickEditResult } from './QuickEdit.tsx';
import { ScoreMeter } from './Score.tsx';

export interface Column extends SortColumn<SortKey> {
  /** Sort direction on first click; by default numbers biggest first, text A→Z. */
  firstDir?: 1 | -1;
}

export const COLUMNS: Column[] = [
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
 * (base.css). A full-width row must span exactly these, or a fixed-layout table makes room for the
 * hidden ones and squeezes the task's name.
 */
export function useVisibleColumnCount(): number {
  const xl = useMediaQuery('(max-width: 1499px)');
  const lg = useMediaQuery('(max-width: 1180px)');
  const hidden = (c: Column) =>
    (xl && c.className?.includes('hide-xl')) || (lg && c.className?.includes('hide-lg'));
  return COLUMNS.filter((c) => !hidden(c)).length + 1;
}

/** Which row's editor is open; after a refused save, with what was typed and the server's answer. */
export interface EditorState {
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
  procedure: 'From the steps of the approved procedure',
  measured: 'From imported time entries',
  estimate: 'Estimate: occurrences × minutes × the performer’s hourly cost',
  unknown: 'Unknown: no performer and no imported time',
} as const;

/** Where the row's hours and cost come from; measured ones say the period they were scaled from. */
function basisText(t: TaskListItem): string {
  return t.costBasis === 'measured' && t.measuredNote
    ? `${BASIS_TEXT.measured}, ${t.measuredNote} (${t.measuredFrom} to ${t.measuredTo})`
    : BASIS_TEXT[t.costBasis];
}

export interface RowProps {
  t: TaskListItem;
  /** Undefined while the steps of the method load (or when they could not be read). */
  stage: Stage | undefined;
  editing: boolean;
  pending: boolean;
  onEdit: (id: string | null) => void;
}

/** Rows re-render only when their own task, editing or pending state changes (1,000+ rows stay fast). */
export const TaskRow = memo(function TaskRow({ t, stage, editing, pending, onEdit }: RowProps) {
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
      <td className="num" title={basisText(t)}>
        {fmtHours(t.annualHours)}
      </td>
      <td className="num hide-lg col-measured">{fmtHours(t.measuredHours, { dashForZero: true })}</td>
      <td className="num" title={basisText(t)}>
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

export function TaskRowWithEditor(
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
