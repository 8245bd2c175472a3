/**
 * What an import would do, before anything is stored: each activity of a time-tracker export with its
 * hours, people and engagements, and where it goes — an existing task (proposed by exact, then similar
 * name, or as decided at the last import from the same tracker), a new task in a chosen process, or
 * nowhere. The firm edits the choices, then imports.
 */
import type { ImportPreview as Preview } from '../../../api/types.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { fmtNumber } from '../../../ui/format.ts';

export type Choice = { kind: 'task'; taskId: string } | { kind: 'new'; process: string } | { kind: 'ignore' };

/** The preview's own decision, as the select shows it. */
export function initialChoice(a: Preview['activities'][number]): Choice {
  const d = a.decision;
  if (d.action === 'task') return { kind: 'task', taskId: d.taskId };
  if (d.action === 'ignore') return { kind: 'ignore' };
  return { kind: 'new', process: d.processId ?? d.processName ?? '' };
}

const MATCH_TEXT: Record<Preview['activities'][number]['match'], string> = {
  remembered: 'as at the last import',
  exact: 'same name',
  similar: 'similar name',
  none: 'no task like it',
  chosen: 'your choice',
};

const encode = (c: Choice) => (c.kind === 'task' ? `task:${c.taskId}` : c.kind);

export function ImportPreviewTable({
  preview,
  choices,
  onChange,
}: {
  preview: Preview;
  choices: Record<string, Choice>;
  onChange: (key: string, choice: Choice) => void;
}) {
  const processNames = preview.processes.map((p) => p.name);
  return (
    <>
      <DataTable className="import-preview-table">
        <caption className="visually-hidden">Activities in the file and where each goes</caption>
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col" className="num">
              Hours
            </th>
            <th scope="col">People</th>
            <th scope="col">Engagements</th>
            <th scope="col">Goes to</th>
          </tr>
        </thead>
        <tbody>
          {preview.activities.map((a) => {
            const choice = choices[a.key] ?? initialChoice(a);
            const similar = a.candidates.filter((c) => c.similarity >= 0.3);
            const similarIds = new Set(similar.map((c) => c.taskId));
            const id = `goes-${a.key.replace(/[^a-z0-9]+/g, '-')}`;
            return (
              <tr key={a.key}>
                <th scope="row" className="task-name">
                  {a.name}
                  <span className="sub">
                    {fmtNumber(a.entries)} {a.entries === 1 ? 'entry' : 'entries'} · {MATCH_TEXT[a.match]}
                  </span>
                </th>
                <td className="num">{fmtNumber(a.hours, 2)}</td>
                <td>{a.people.join(', ')}</td>
                <td>{a.engagements.length ? a.engagements.join(', ') : <span className="faint">—</span>}</td>
                <td>
                  <label className="visually-hidden" htmlFor={id}>
                    Where “{a.name}” goes
                  </label>
                  <select
                    id={id}
                    value={encode(choice)}
                    onChange={(e) => {
                      const v = e.target.value;
                      if (v === 'ignore') onChange(a.key, { kind: 'ignore' });
                      else if (v === 'new')
                        onChange(a.key, {
                          kind: 'new',
                          process:
                            choice.kind === 'new'
                              ? choice.process
                              : a.decision.action === 'new'
                                ? (a.decision.processId ?? a.decision.processName ?? '')
                                : 'Imported activities',
                        });
                      else onChange(a.key, { kind: 'task', taskId: v.slice(5) });
                    }}
                  >
                    <option value="new">A new task</option>
                    <option value="ignore">Ignore (not imported)</option>
                    {similar.length > 0 ? (
                      <optgroup label="Similar tasks">
                        {similar.map((c) => (
                          <option key={c.taskId} value={`task:${c.taskId}`}>
                            {c.name} ({c.process})
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    <optgroup label="Every task">
                      {preview.tasks
                        .filter((t) => !similarIds.has(t.id))
                        .map((t) => (
                          <option key={t.id} value={`task:${t.id}`}>
                            {t.name} ({t.process})
                          </option>
                        ))}
                    </optgroup>
                  </select>
                  {choice.kind === 'new' ? (
                    <>
                      <label className="visually-hidden" htmlFor={`${id}-process`}>
                        Process of the new task “{a.name}”
                      </label>
                      <input
                        id={`${id}-process`}
                        className="import-process"
                        list="import-processes"
                        placeholder="Process"
                        value={preview.processes.find((p) => p.id === choice.process)?.name ?? choice.process}
                        onChange={(e) => onChange(a.key, { kind: 'new', process: e.target.value })}
                      />
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <datalist id="import-processes">
        {processNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}

/** The choices as the API's decisions (every activity, so the import does exactly what was shown). */
export function decisionsOf(preview: Preview, choices: Record<string, Choice>) {
  return preview.activities.map((a) => {
    const c = choices[a.key] ?? initialChoice(a);
    if (c.kind === 'task') return { activity: a.name, action: 'task' as const, task: c.taskId };
    if (c.kind === 'ignore') return { activity: a.name, action: 'ignore' as const };
    return { activity: a.name, action: 'new' as const, process: c.process.trim() || 'Imported activities' };
  });
}
