/**
 * Import a spreadsheet or a time-tracker export. With bad rows nothing is imported: the report lists each
 * one (line, column, reason) and offers to import the valid rows only. Re-importing a file doubles nothing.
 *
 * Kept in one file: one page's steps (choose a file, preview with its decisions, the report with its
 * bad rows) share the page's state; the pieces that stand alone are in ../components.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import type {
  ImportBatch,
  ImportFormat,
  ImportPreview as ImportPreviewT,
  ImportReport,
  RowError,
} from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Dropzone } from '../../../ui/Dropzone.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { fmtBytes, fmtDateTime, fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { type Choice, decisionsOf, ImportPreviewTable } from '../components/ImportPreview.tsx';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  outtask: 'Outtask template (CSV or XLSX)',
  harvest: 'Harvest: Detailed Time Report (CSV)',
  toggl: 'Toggl Track: Detailed report (CSV)',
  clockify: 'Clockify: Detailed report (CSV)',
};
const FORMAT_SHORT: Record<string, string> = {
  outtask: 'Outtask template',
  harvest: 'Harvest',
  toggl: 'Toggl Track',
  clockify: 'Clockify',
};

type Outcome = { kind: 'done'; report: ImportReport } | { kind: 'failed'; error: unknown };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}

function ImportSummary({ report }: { report: ImportReport }) {
  const nothingNew =
    report.created.tasks + report.updated.tasks + report.created.members + report.created.processes === 0 &&
    report.timeEntries.imported === 0;
  // Tasks always; processes and people only when the file changed some.
  const items: [number, string][] = [
    [report.created.tasks, report.created.tasks === 1 ? 'task created' : 'tasks created'],
    [report.updated.tasks, report.updated.tasks === 1 ? 'task updated' : 'tasks updated'],
    ...(report.created.processes
      ? [
          [
            report.created.processes,
            report.created.processes === 1 ? 'process created' : 'processes created',
          ] as [number, string],
        ]
      : []),
    ...(report.created.members
      ? [
          [report.created.members, report.created.members === 1 ? 'person added' : 'people added'] as [
            number,
            string,
          ],
        ]
      : []),
    ...(report.updated.members
      ? [
          [report.updated.members, report.updated.members === 1 ? 'person updated' : 'people updated'] as [
            number,
            string,
          ],
        ]
      : []),
  ];
  const hasEntries = report.timeEntries.imported + report.timeEntries.alreadyImported > 0;
  return (
    <section className="card import-summary" aria-labelledby="import-summary-title">
      <div className="card-head">
        <div>
          <h2 id="import-summary-title">Imported {report.file}</h2>
          <p className="muted">
            Read as {FORMAT_SHORT[report.format] ?? report.format} · {plural(report.rows, 'row')}
            {report.skippedRows > 0 ? ` · ${plural(report.skippedRows, 'bad row')} skipped` : ''}
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/inventory">
            Open the inventory
          </Link>
          <Link className="btn btn-primary" to="/opportunities">
            See the opportunities
          </Link>
        </div>
      </div>
      {nothingNew ? (
        <div className="banner banner-info">
          Nothing new: everything in this file was already imported, so nothing was counted twice.
        </div>
      ) : null}
      <div className="summary-grid">
        {items.map(([n, what]) => (
          <div className="summary-item" key={what}>
            <div className="n">{fmtNumber(n)}</div>
            <div className="what">{what}</div>
          </div>
        ))}
        {hasEntries ? (
          <>
            <div className="summary-item">
              <div className="n">{fmtNumber(report.timeEntries.imported)}</div>
              <div className="what">new time entries</div>
            </div>
            <div className="summary-item">
              <div className="n">{fmtNumber(report.timeEntries.alreadyImported)}</div>
              <div className="what">already imported before</div>
            </div>
          </>
        ) : null}
      </div>
      {report.warnings.length > 0 ? (
        <div className="banner banner-warning" style={{ display: 'block', marginTop: 12 }}>
          <strong>Worth a look:</strong>
          <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.errors.length > 0 ? (
        <RowErrorTable errors={report.errors} total={report.errorCount} caption="Rows skipped" />
      ) : null}
    </section>
  );
}

/** `errors` are the first ones the server reports (at most 1,000); `total` is how many there were. */
function RowErrorTable({ errors, total, caption }: { errors: RowError[]; total: number; caption: string }) {
  const shown = errors.slice(0, 500);
  return (
    <DataTable
      className="error-report"
      style={{ marginTop: 14, maxHeight: 420, overflowY: 'auto' }}
      after={
        total > shown.length ? (
          <p className="muted" style={{ padding: '8px 12px' }}>
            …and {fmtNumber(total - shown.length)} more.
          </p>
        ) : null
      }
    >
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Column</th>
          <th scope="col">What is wrong</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((e) => (
          <tr key={`${e.line}:${e.column ?? ''}:${e.message}`}>
            <td className="num">{e.line}</td>
            <td>{e.column ?? <span className="faint">whole row</span>}</td>
            <td>{stripLocation(e.message)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The messages start with "file.csv:LINE (column X): "; the table already shows where. */
function stripLocation(message: string): string {
  return message.replace(/^[^:]*:\d+(?: \([^)]*\))?: /, '');
}

function ImportHistory({ batches, onUndo }: { batches: ImportBatch[]; onUndo: (b: ImportBatch) => void }) {
  if (batches.length === 0) {
    return <p className="muted">No imports yet. Files you import appear here, newest first.</p>;
  }
  return (
    <DataTable>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Layout</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Imported
          </th>
          <th scope="col" className="num">
            Skipped
          </th>
          <th scope="col">Period</th>
          <th scope="col">When</th>
          <th scope="col">
            <span className="visually-hidden">Undo</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <tr key={b.id}>
            <td className="task-name">{b.fileName}</td>
            <td>{FORMAT_SHORT[b.format] ?? b.format}</td>
            <td className="num">{fmtNumber(b.rows)}</td>
            <td className="num">{fmtNumber(b.imported)}</td>
            <td className={b.skipped > 0 ? 'num negative' : 'num'}>{fmtNumber(b.skipped)}</td>
            <td className="nowrap">{b.periodFrom ? `${b.periodFrom} – ${b.periodTo}` : '—'}</td>
            <td className="nowrap">{fmtDateTime(b.at)}</td>
            <td>
              {b.undoneAt ? (
                <span className="faint">Undone</span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => onUndo(b)}>
                  Undo
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The file's bytes as base64 (FileReader does it natively, without a string per byte). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function PreviewCard({
  preview,
  choices,
  busy,
  onChange,
  onImport,
}: {
  preview: ImportPreviewT;
  choices: Record<string, Choice>;
  busy: boolean;
  onChange: (key: string, choice: Choice) => void;
  onImport: (skipInvalid: boolean) => void;
}) {
  const s = preview.summary;
  const bad = preview.errors.length;
  return (
    <section className="card section import-preview" aria-labelledby="import-preview-title">
      <div className="card-head">
        <div>
          <h2 id="import-preview-title">Before importing {preview.file}</h2>
          <p className="muted">
            Read as {FORMAT_SHORT[preview.format] ?? preview.format} · {plural(preview.rows, 'row')}
            {preview.period
              ? ` · entries from ${preview.period.from} to ${preview.period.to} (${preview.period.length}): hours are scaled from this period to a year`
              : ''}
          </p>
        </div>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onImport(bad > 0)}>
          {busy ? 'Importing…' : bad > 0 ? 'Import the valid rows only' : 'Import'}
        </button>
      </div>
      {bad > 0 ? (
        <div className="import-errors">
          <h3>{plural(bad, 'row has', 'rows have')} errors and will not be imported</h3>
          <RowErrorTable errors={preview.errors} total={bad} caption="Rows with errors" />
        </div>
      ) : null}
      {preview.activities.length > 0 ? (
        <>
          <p className="import-plan">
            {plural(preview.activities.length, 'activity', 'activities')}: each is a task of the firm; the
            projects and clients are the engagements it was done for. Pick where each goes.
          </p>
          <ImportPreviewTable preview={preview} choices={choices} onChange={onChange} />
        </>
      ) : (
        <p className="import-plan">
          Would create {plural(s.tasksCreated, 'task')} and update {plural(s.tasksUpdated, 'task')}
          {s.processesCreated ? `, with ${plural(s.processesCreated, 'new process', 'new processes')}` : ''}.
        </p>
      )}
    </section>
  );
}

export function ImportPage() {
  usePageTitle('Import');
  const toast = useToast();
  const history = useApi<ImportBatch[]>('/imports');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [preview, setPreview] = useState<{ preview: ImportPreviewT; choices: Record<string, Choice> } | null>(
    null,
  );
  const outcomeBox = useRef<HTMLDivElement>(null);
  // Bring the summary or the error report into view: on a small screen it lands below the fold.
  const shown = outcome ?? preview?.preview;
  useEffect(() => {
    if (shown) outcomeBox.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [shown]);

  async function requestBody() {
    if (!file) throw new Error('no file chosen');
    return { file: file.name, contentBase64: await base64Of(file), ...(format ? { format } : {}) };
  }

  /** Reads the file and shows what importing it would do; nothing is stored. */
  async function showPreview() {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setPreview(null);
    try {
      const preview = await api.post<ImportPreviewT>('/imports/preview', await requestBody());
      setPreview({ preview, choices: {} });
    } catch (err) {
      setOutcome({ kind: 'failed', error: err });
    } finally {
      setBusy(false);
    }
  }

  /** Imports with the choices made on the preview. */
  async function upload(skipInvalid: boolean) {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const report = await api.post<ImportReport>('/imports/apply', {
        ...(await requestBody()),
        skipInvalid,
        decisions: decisionsOf(preview.preview, preview.choices),
      });
      setOutcome({ kind: 'done', report });
      setPreview(null);
      toast(`Imported ${file.name}`);
      void history.reload();
    } catch (err) {
      setOutcome({ kind: 'failed', error: err });
    } finally {
      setBusy(false);
    }
  }

  async function undo(batch: ImportBatch) {
    try {
      await api.post(`/imports/${encodeURIComponent(batch.id)}/undo`);
      toast(`Undid the import of ${batch.fileName}`);
      setOutcome(null);
      void history.reload();
    } catch (err) {
      setOutcome({ kind: 'failed', error: err });
    }
  }

  function choose(f: File | undefined | null) {
    if (!f) return;
    setFile(f);
    setOutcome(null);
    setPreview(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void showPreview();
  }

  return (
    <div className="page page-narrow">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/inventory">Inventory</Link> / Import
          </div>
          <h1>Import tasks and time</h1>
          <p className="lede">
            The Outtask template fills the inventory directly. A detailed time report from Harvest, Toggl
            Track or Clockify becomes tasks with the hours each person really spent on them.
          </p>
        </div>
      </div>

      <form className="card" onSubmit={submit}>
        <Dropzone
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFiles={(list) => choose(list[0])}
        >
          {file ? (
            <span className="file-chosen">
              {file.name} <span className="faint">· {fmtBytes(file.size)}</span>
            </span>
          ) : (
            <span>
              <strong>Choose a file</strong> or drop it here
            </span>
          )}
          <span className="faint">CSV or XLSX</span>
        </Dropzone>

        <div className="import-options">
          <div className="field" style={{ marginBottom: 0 }}>
            <label htmlFor="import-format">Layout</label>
            <select
              id="import-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ImportFormat | '')}
            >
              <option value="">Recognize it from the header row</option>
              {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={!file || busy}>
            {busy && !preview ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </form>

      <div aria-live="polite" ref={outcomeBox}>
        {preview ? (
          <PreviewCard
            preview={preview.preview}
            choices={preview.choices}
            busy={busy}
            onChange={(key, choice) =>
              setPreview((p) => (p ? { ...p, choices: { ...p.choices, [key]: choice } } : p))
            }
            onImport={(skipInvalid) => void upload(skipInvalid)}
          />
        ) : null}
        {outcome?.kind === 'done' ? (
          <div className="section">
            <ImportSummary report={outcome.report} />
          </div>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <div className="section">
            <ErrorBanner error={outcome.error} title="The file could not be imported." />
          </div>
        ) : null}
      </div>

      <div className="grid-2 section">
        <section className="card">
          <h2>The Outtask template</h2>
          <p className="muted" style={{ marginTop: 6 }}>
            One row per task: process, task, who does it, how often, how long, the deliverable and its market
            price. The XLSX version has a Members sheet for hourly costs.
          </p>
          <div className="page-actions">
            <a className="btn" href="/api/imports/template?kind=xlsx" download>
              Download XLSX
            </a>
            <a className="btn" href="/api/imports/template?kind=csv" download>
              Download CSV
            </a>
          </div>
        </section>
        <section className="card">
          <h2>Time-tracker exports</h2>
          <p className="muted" style={{ marginTop: 6, marginBottom: 0 }}>
            Export the <em>detailed</em> report as CSV: Harvest “Detailed Time Report”, Toggl Track “Detailed
            report”, Clockify “Detailed report”. Entries are grouped by task (or description); the same entry
            imported twice is counted once.
          </p>
        </section>
      </div>

      <section className="section">
        <h2 style={{ marginBottom: 12 }}>Past imports</h2>
        {history.error ? <ErrorBanner error={history.error} /> : null}
        {history.data ? <ImportHistory onUndo={(b) => void undo(b)} batches={history.data} /> : null}
      </section>
    </div>
  );
}
