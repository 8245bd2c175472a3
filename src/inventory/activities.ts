/**
 * A time tracker's activities and what each one becomes in the firm's inventory. Pure.
 *
 * In Harvest, Toggl Track and Clockify the *task* (or, without one, the description) is what was done
 * — "Interview summary deck" — and the *project* and *client* are the engagement it was done for —
 * "Acme – Growth Strategy". So an activity is one task name across every engagement: three exports
 * over three engagements give one activity per task, with the hours summed, and the engagements tell
 * how often the task recurs (per project × projects a year), not which process it belongs to.
 */
import type { TimeEntryRow } from './imports/types.ts';
import type { Process, Task } from './inventory.ts';

/** The key an activity (or a task name) is compared by: case, spacing and punctuation ignored. */
export function activityKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Activity {
  key: string;
  /** The spelling used most often (ties: the first seen). */
  name: string;
  minutes: number;
  entries: number;
  /** People by minutes, most first. */
  people: string[];
  /** Distinct engagements (project, else client), by minutes, most first; empty when none was named. */
  engagements: string[];
  firstDate: string;
  lastDate: string;
}

/** The engagement an entry belongs to: its project, else its client; '' when the export names neither. */
export function engagementOf(e: Pick<TimeEntryRow, 'project' | 'client'>): string {
  return (e.project || e.client).trim();
}

function byWeight(weights: Map<string, number>): string[] {
  return [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** Groups entries into activities, sorted by minutes (most first), then name. Order-independent. */
export function activitiesOf(entries: readonly TimeEntryRow[]): Activity[] {
  const acc = new Map<
    string,
    {
      spellings: Map<string, number>;
      minutes: number;
      entries: number;
      people: Map<string, number>;
      engagements: Map<string, number>;
      first: string;
      last: string;
    }
  >();
  for (const e of entries) {
    const key = activityKey(e.task);
    let a = acc.get(key);
    if (!a) {
      a = {
        spellings: new Map(),
        minutes: 0,
        entries: 0,
        people: new Map(),
        engagements: new Map(),
        first: e.date,
        last: e.date,
      };
      acc.set(key, a);
    }
    const spelling = e.task.trim().replace(/\s+/g, ' ');
    a.spellings.set(spelling, (a.spellings.get(spelling) ?? 0) + 1);
    a.minutes += e.minutes;
    a.entries++;
    a.people.set(e.personName, (a.people.get(e.personName) ?? 0) + e.minutes);
    const engagement = engagementOf(e);
    if (engagement) a.engagements.set(engagement, (a.engagements.get(engagement) ?? 0) + e.minutes);
    if (e.date < a.first) a.first = e.date;
    if (e.date > a.last) a.last = e.date;
  }
  return [...acc.entries()]
    .map(([key, a]) => ({
      key,
      name: byWeight(a.spellings)[0] ?? key,
      minutes: a.minutes,
      entries: a.entries,
      people: byWeight(a.people),
      engagements: byWeight(a.engagements),
      firstDate: a.first,
      lastDate: a.last,
    }))
    .sort((x, y) => y.minutes - x.minutes || x.name.localeCompare(y.name));
}

// --- similar names --------------------------------------------------------------------------------

const STOPWORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'by', 'at']);

/** A crude English stem: enough that "slides"/"slide" and "formatting"/"format" meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3).replace(/([^aeiouls])\1$/, '$1');
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  return word;
}

function terms(name: string): Set<string> {
  return new Set(
    activityKey(name)
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w))
      .map(stem),
  );
}

/**
 * How alike two task names are, 0–1: the Dice coefficient of their stemmed content words, so word
 * order, plurals and filler words do not matter ("Slide formatting" ≈ "Format slides" = 1;
 * "Interview summary deck" vs "Build the executive interview summary deck" = 0.75).
 */
export function nameSimilarity(a: string, b: string): number {
  const x = terms(a);
  const y = terms(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Below this, a name is not proposed as a match. */
export const SIMILAR_ENOUGH = 0.6;

// --- decisions ------------------------------------------------------------------------------------

/** What the firm decided an activity becomes. */
export type ActivityDecision =
  | { action: 'task'; taskId: string }
  /** A new task; in an existing process (processId) or a new one (processName). */
  | { action: 'new'; taskName: string; processId: string | null; processName: string | null }
  | { action: 'ignore' };

export type MatchKind = 'remembered' | 'exact' | 'similar' | 'none' | 'chosen';

export interface Candidate {
  taskId: string;
  name: string;
  process: string;
  similarity: number;
}

export interface ActivityProposal extends Activity {
  decision: ActivityDecision;
  /** Why this decision: remembered from the last import of this tracker, an exact or similar name, the firm's choice, or nothing matched. */
  match: MatchKind;
  /** Existing tasks with similar names, best first (at most 5). */
  candidates: Candidate[];
}

/** The process new tasks go to when the firm picks none and no process bears an engagement's name. */
export const DEFAULT_NEW_PROCESS = 'Imported activities';

function defaultProcessFor(
  a: Activity,
  processes: readonly Process[],
): Pick<Extract<ActivityDecision, { action: 'new' }>, 'processId' | 'processName'> {
  // Some firms track internal work under a project named after the process ("Finance & admin"):
  // then that process is the natural home.
  for (const e of a.engagements) {
    const p = processes.find((x) => activityKey(x.name) === activityKey(e));
    if (p) return { processId: p.id, processName: null };
  }
  const fallback = processes.find((x) => activityKey(x.name) === activityKey(DEFAULT_NEW_PROCESS));
  return fallback
    ? { processId: fallback.id, processName: null }
    : { processId: null, processName: DEFAULT_NEW_PROCESS };
}

/**
 * A decision for every activity: the firm's own choice when given, else what it chose for the same
 * activity at the last import of this tracker, else an existing task of exactly that name, else the
 * most similar name, else a new task. Among several exact names, the one in a process named like an
 * engagement wins, then the first by process name.
 */
export function proposeDecisions(
  activities: readonly Activity[],
  existing: { tasks: readonly Task[]; processes: readonly Process[] },
  remembered: ReadonlyMap<string, ActivityDecision>,
  chosen: ReadonlyMap<string, ActivityDecision> = new Map(),
): ActivityProposal[] {
  const processName = new Map(existing.processes.map((p) => [p.id, p.name]));
  const taskIds = new Set(existing.tasks.map((t) => t.id));
  const valid = (d: ActivityDecision | undefined): d is ActivityDecision =>
    d !== undefined && (d.action !== 'task' || taskIds.has(d.taskId));
  return activities.map((a) => {
    const candidates = existing.tasks
      .map((t) => ({
        taskId: t.id,
        name: t.name,
        process: processName.get(t.processId) ?? '',
        similarity: activityKey(t.name) === a.key ? 1 : nameSimilarity(a.name, t.name),
      }))
      .filter((c) => c.similarity >= SIMILAR_ENOUGH / 2)
      .sort(
        (x, y) =>
          y.similarity - x.similarity || x.process.localeCompare(y.process) || x.name.localeCompare(y.name),
      )
      .slice(0, 5);
    const own = chosen.get(a.key);
    if (valid(own)) return { ...a, decision: own, match: 'chosen', candidates };
    const before = remembered.get(a.key);
    if (valid(before)) return { ...a, decision: before, match: 'remembered', candidates };
    const exact = existing.tasks.filter((t) => activityKey(t.name) === a.key);
    if (exact.length > 0) {
      const engagementKeys = new Set(a.engagements.map(activityKey));
      const best =
        exact.find((t) => engagementKeys.has(activityKey(processName.get(t.processId) ?? ''))) ??
        [...exact].sort((x, y) =>
          (processName.get(x.processId) ?? '').localeCompare(processName.get(y.processId) ?? ''),
        )[0]!;
      return { ...a, decision: { action: 'task', taskId: best.id }, match: 'exact', candidates };
    }
    const similar = candidates[0];
    if (similar && similar.similarity >= SIMILAR_ENOUGH) {
      return { ...a, decision: { action: 'task', taskId: similar.taskId }, match: 'similar', candidates };
    }
    return {
      ...a,
      decision: { action: 'new', taskName: a.name, ...defaultProcessFor(a, existing.processes) },
      match: 'none',
      candidates,
    };
  });
}
