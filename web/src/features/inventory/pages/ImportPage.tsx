/**
 * Import a spreadsheet or a time-tracker export. With bad rows nothing is imported: the report lists each
 * one (line, column, reason) and offers to import the valid rows only. Re-importing a file doubles nothing.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import type { ImportBatch, ImportFormat, ImportReport, RowError } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Dropzone } from '../../../ui/Dropzone.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { fmtBytes, fmtDateTime, fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

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

type Outcome =
  | { kind: 'done'; report: ImportReport }
  | { kind: 'invalid'; message: string; errors: RowError[]; total: number; format: string | undefined }
  | { kind: 'failed'; error: unknown };

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

function ImportHistory({ batches }: { batches: ImportBatch[] }) {
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
          <th scope="col">When</th>
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
            <td className="nowrap">{fmtDateTime(b.at)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
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
  const outcomeBox = useRef<HTMLDivElement>(null);
  // Bring the summary or the error report into view: on a small screen it lands below the fold.
  useEffect(() => {
    if (outcome) outcomeBox.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [outcome]);

  async function upload(skipInvalid: boolean) {
    if (!file) return;
    setBusy(true);
    if (!skipInvalid) setOutcome(null);
    try {
      const report = await api.upload<ImportReport>('/imports', file, {
        query: {
          file: file.name,
          format: format || undefined,
          skipInvalid: skipInvalid ? 'true' : undefined,
        },
      });
      setOutcome({ kind: 'done', report });
      toast(`Imported ${file.name}`);
      void history.reload();
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.code === 'IMPORT_ROWS_INVALID' &&
        Array.isArray(err.details?.errors)
      ) {
        setOutcome({
          kind: 'invalid',
          message: err.message,
          errors: err.details.errors as RowError[],
          total:
            typeof err.details.errorCount === 'number' ? err.details.errorCount : err.details.errors.length,
          format: typeof err.details.format === 'string' ? err.details.format : undefined,
        });
      } else {
        setOutcome({ kind: 'failed', error: err });
      }
    } finally {
      setBusy(false);
    }
  }

  function choose(f: File | undefined | null) {
    if (!f) return;
    setFile(f);
    setOutcome(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void upload(false);
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
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>

      <div aria-live="polite" ref={outcomeBox}>
        {outcome?.kind === 'done' ? (
          <div className="section">
            <ImportSummary report={outcome.report} />
          </div>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <section className="card section import-errors" aria-labelledby="import-errors-title">
            <div className="card-head">
              <div>
                <h2 id="import-errors-title">Nothing was imported</h2>
                <p className="muted">{outcome.message.replace(/ with --skip-invalid\.?$/, ' only.')}</p>
              </div>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void upload(true)}
              >
                {busy ? 'Importing…' : 'Import the valid rows only'}
              </button>
            </div>
            <RowErrorTable errors={outcome.errors} total={outcome.total} caption="Rows with errors" />
          </section>
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
        {history.data ? <ImportHistory batches={history.data} /> : null}
      </section>
    </div>
  );
}
