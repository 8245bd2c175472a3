/** Generator of a large, deterministic Toggl Track detailed report for the import benchmark. */
import { rng } from './report.ts';

/** A Toggl Track detailed report: 40 people, 60 projects of 25 tasks each (200 task names), a year of days. */
export function togglCsv(n: number, seed = 7): string {
  const r = rng(seed);
  const people = Array.from({ length: 40 }, (_, i) => [`Person ${i + 1}`, `person${i + 1}@firm.example`]);
  const projects = Array.from({ length: 60 }, (_, i) => [`Client ${(i % 15) + 1}`, `Project ${i + 1}`]);
  const tasks = Array.from({ length: 200 }, (_, i) => `Task ${i + 1}`);
  const lines = [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)',
  ];
  const pad = (x: number) => String(x).padStart(2, '0');
  for (let i = 0; i < n; i++) {
    const [user, email] = people[Math.floor(r() * people.length)]!;
    const p = Math.floor(r() * projects.length);
    const [client, project] = projects[p]!;
    // Each project uses 25 of the firm's 200 task names, as real engagements reuse a task list.
    const task = tasks[(p * 7 + Math.floor(r() * 25)) % tasks.length]!;
    const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(r() * 365)));
    const date = day.toISOString().slice(0, 10);
    const startMin = 8 * 60 + Math.floor(r() * 480);
    const dur = 5 + Math.floor(r() * 235);
    const end = startMin + dur;
    const hms = (m: number) => `${pad(Math.floor(m / 60) % 24)}:${pad(m % 60)}:00`;
    lines.push(
      `${user},${email},${client},${project},${task},Work on ${task.toLowerCase()} #${i % 97},Yes,${date},${hms(startMin)},${date},${hms(end)},${hms(dur)},,${(dur * 2.5).toFixed(2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
