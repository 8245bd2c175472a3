/**
 * The difference between two versions of a procedure, step by step. Steps are matched by their key
 * (a copied step keeps it); steps of both versions that left their relative order are "moved"
 * (those outside the longest common subsequence of keys). Pure.
 */
import { minutesAfter, minutesTotal, type Step } from './procedures.ts';

export type DiffStatus = 'same' | 'added' | 'removed' | 'changed' | 'moved';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface DiffRow {
  key: string;
  status: DiffStatus;
  /** Position (1-based) in each version, when the step is there. */
  fromPosition: number | null;
  toPosition: number | null;
  name: string;
  before: Step | null;
  after: Step | null;
  changes: FieldChange[];
  /** For a removed step: the step it was merged into, if any. */
  mergedInto: string | null;
}

export interface VersionDiff {
  rows: DiffRow[];
  counts: Record<Exclude<DiffStatus, 'same'>, number> & { same: number };
  minutes: { from: number; to: number; delta: number };
  /** Minutes without waste steps, the figure the procedure will actually take. */
  minutesAfterWaste: { from: number; to: number; delta: number };
}

const list = (xs: readonly string[]) => xs.join('; ');

function performerText(s: Step): string {
  return `${s.performer.kind}: ${s.performer.name || s.performer.ref || ''}`.trim();
}

export function stepChanges(a: Step, b: Step): FieldChange[] {
  const pairs: [string, string, string][] = [
    ['name', a.name, b.name],
    ['description', a.description, b.description],
    ['performer', performerText(a), performerText(b)],
    ['inputs', list(a.inputs), list(b.inputs)],
    ['outputs', list(a.outputs), list(b.outputs)],
    ['tool', a.tool, b.tool],
    ['minutes', String(a.minutes), String(b.minutes)],
    ['acceptance criteria', list(a.acceptanceCriteria), list(b.acceptanceCriteria)],
    ['waste', a.waste ? `waste: ${a.waste.reason}` : 'kept', b.waste ? `waste: ${b.waste.reason}` : 'kept'],
  ];
  return pairs.filter(([, x, y]) => x !== y).map(([field, before, after]) => ({ field, before, after }));
}

/** Keys of the longest common subsequence of two key sequences. */
function lcsKeys(a: readonly string[], b: readonly string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    }
  }
  const keep = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keep.add(a[i]!);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return keep;
}

export function diffVersions(from: readonly Step[], to: readonly Step[]): VersionDiff {
  const fromByKey = new Map(from.map((s, i) => [s.key, { s, i }]));
  const toByKey = new Map(to.map((s, i) => [s.key, { s, i }]));
  const common = (xs: readonly Step[], other: Map<string, unknown>) =>
    xs.filter((s) => other.has(s.key)).map((s) => s.key);
  const inOrder = lcsKeys(common(from, toByKey), common(to, fromByKey));
  const mergedInto = new Map<string, string>();
  for (const s of to) for (const k of s.mergedFrom) mergedInto.set(k, s.name);

  const rowsTo: DiffRow[] = to.map((b, i) => {
    const a = fromByKey.get(b.key);
    if (!a) {
      return {
        key: b.key,
        status: 'added',
        fromPosition: null,
        toPosition: i + 1,
        name: b.name,
        before: null,
        after: b,
        changes: [],
        mergedInto: null,
      };
    }
    const changes = stepChanges(a.s, b);
    const status: DiffStatus = !inOrder.has(b.key) ? 'moved' : changes.length ? 'changed' : 'same';
    return {
      key: b.key,
      status,
      fromPosition: a.i + 1,
      toPosition: i + 1,
      name: b.name,
      before: a.s,
      after: b,
      changes,
      mergedInto: null,
    };
  });

  // Removed steps are shown after the step that preceded them in the older version.
  const rows: DiffRow[] = [...rowsTo];
  from.forEach((a, i) => {
    if (toByKey.has(a.key)) return;
    const row: DiffRow = {
      key: a.key,
      status: 'removed',
      fromPosition: i + 1,
      toPosition: null,
      name: a.name,
      before: a,
      after: null,
      changes: [],
      mergedInto: mergedInto.get(a.key) ?? null,
    };
    const prevKey = i > 0 ? from[i - 1]!.key : null;
    const at = prevKey === null ? -1 : rows.findIndex((r) => r.key === prevKey);
    rows.splice(at + 1, 0, row);
  });

  const counts = { same: 0, added: 0, removed: 0, changed: 0, moved: 0 };
  for (const r of rows) counts[r.status]++;
  const fm = minutesTotal(from);
  const tm = minutesTotal(to);
  const fa = minutesAfter(from);
  const ta = minutesAfter(to);
  return {
    rows,
    counts,
    minutes: { from: fm, to: tm, delta: tm - fm },
    minutesAfterWaste: { from: fa, to: ta, delta: ta - fa },
  };
}
