/** No deck was built: the files the synthesis could not read, each with why, and building without them. */
import { DataTable } from '../../../ui/DataTable.tsx';
import type { BadFile } from '../useSynthesisRun.ts';

export function BadFilesReport({
  message,
  files,
  canSkip,
  busy,
  onBuildWithout,
}: {
  message: string;
  files: BadFile[];
  /** Some transcripts are readable: the deck can be built from them. */
  canSkip: boolean;
  busy: boolean;
  onBuildWithout(): void;
}) {
  return (
    <section className="card section syn-bad" aria-labelledby="syn-bad-title">
      <div className="card-head">
        <div>
          <h2 id="syn-bad-title">No deck was built</h2>
          <p className="muted">{message.replace(/:$/, '.')}</p>
        </div>
        {canSkip ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onBuildWithout}>
            {busy ? 'Building…' : 'Build it without them'}
          </button>
        ) : null}
      </div>
      <DataTable>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">What is wrong</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.file}>
              <td className="task-name">{f.file}</td>
              <td>{f.message.replace(`${f.file}: `, '')}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
