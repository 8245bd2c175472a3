/** Time entries as a Toggl Track detailed export, the way a firm brings measured hours in. */

export interface TimeEntry {
  user: string;
  email?: string;
  /** The Toggl project: Outtask reads it as the process. */
  project: string;
  /** The Toggl task: Outtask reads it as the task. */
  task: string;
  /** YYYY-MM-DD */
  date: string;
  minutes: number;
  description?: string;
}

const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)';

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const hhmmss = (minutes: number) =>
  [Math.floor(minutes / 60), minutes % 60, 0].map((n) => String(n).padStart(2, '0')).join(':');

/** The CSV text of a Toggl Track detailed report; every entry starts at 09:00 on its date. */
export function togglCsv(entries: readonly TimeEntry[]): string {
  const rows = entries.map((e) => {
    const end = hhmmss(9 * 60 + e.minutes);
    return [
      e.user,
      e.email ?? '',
      '',
      e.project,
      e.task,
      e.description ?? '',
      'No',
      e.date,
      '09:00:00',
      e.date,
      end,
      hhmmss(e.minutes),
      '',
      '',
    ]
      .map(cell)
      .join(',');
  });
  return `${[HEADER, ...rows].join('\n')}\n`;
}
