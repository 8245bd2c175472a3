/**
 * Interview synthesis: transcripts and the firm's standard interview form in, the editable deck out,
 * with the themes, splits and quotes on the page so the evidence can be checked before the deck is
 * sent. The transcripts go to the server for this run only; nothing of them is stored.
 */
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, useLocation } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Dropzone } from '../../../ui/Dropzone.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { FormSummary } from '../../procedures/types.ts';
import type { AskResponse, PreviewTheme, SynthesisResponse } from '../types.ts';

const ACCEPT = '.txt,.vtt,.srt,.docx,.json,.tsv,.csv';
/** A CSV among the files is the interview list (id, role, date), not a transcript. */
const isMeta = (f: File) => /\.csv$/i.test(f.name);

interface SampleFile {
  name: string;
  bytes: number;
}

interface BadFile {
  file: string;
  code?: string;
  message: string;
}

type Outcome =
  | { kind: 'done'; result: SynthesisResponse; anonymized: boolean }
  | { kind: 'bad-files'; message: string; files: BadFile[] }
  | { kind: 'failed'; error: unknown };

/** The file's bytes as base64 (FileReader does it natively, without a string per byte). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function blobUrl(parts: BlobPart[], type: string): string {
  return URL.createObjectURL(new Blob(parts, { type }));
}

function bytesOfBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}

/** Downloads for one result; the object URLs live as long as the result is shown. */
function useDownloads(result: SynthesisResponse | null) {
  const urls = useMemo(() => {
    if (!result) return null;
    return {
      deck: blobUrl(
        [bytesOfBase64(result.deck.contentBase64)],
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ),
      insights: blobUrl([JSON.stringify(result.insights, null, 2)], 'application/json'),
      markdown: blobUrl([result.markdown], 'text/markdown'),
    };
  }, [result]);
  useEffect(
    () => () => {
      if (urls) for (const u of Object.values(urls)) URL.revokeObjectURL(u);
    },
    [urls],
  );
  return urls;
}

function Prevalence({ count, of }: { count: number; of: number }) {
  const share = of > 0 ? count / of : 0;
  return (
    <span className="prevalence" title={`${count} of ${of} interviews that answered`}>
      <span className="prevalence-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="prevalence-text">
        {count} of {of}
      </span>
    </span>
  );
}

function ThemeItem({ theme, of }: { theme: PreviewTheme; of: number }) {
  const quote = theme.quotes[0];
  return (
    <li className="syn-theme">
      <div className="syn-theme-head">
        <strong>{theme.label}</strong>
        <Prevalence count={theme.count} of={of} />
      </div>
      <p className="muted syn-theme-summary">{theme.summary}</p>
      {quote ? (
        <blockquote className="syn-quote">
          “{quote.text}”
          <footer>
            {quote.source}
            {quote.at ? ` · ${quote.at}` : ''}
          </footer>
        </blockquote>
      ) : null}
    </li>
  );
}

function Result({
  result,
  anonymized,
  after,
}: {
  result: SynthesisResponse;
  anonymized: boolean;
  after?: ReactNode;
}) {
  const urls = useDownloads(result);
  const { report, preview } = result;
  return (
    <div className="section syn-result">
      <section className="card" aria-labelledby="syn-done-title">
        <div className="card-head">
          <div>
            <h2 id="syn-done-title">{preview.title}</h2>
            <p className="muted">
              {plural(report.interviews, 'interview')} · {plural(report.questions, 'question')} · built in{' '}
              {fmtNumber(result.seconds, 1)} s
            </p>
          </div>
          {urls ? (
            <div className="page-actions">
              <a className="btn" href={urls.markdown} download="report.md">
                Report (.md)
              </a>
              <a
                className="btn"
                href={urls.insights}
                download="insights.json"
                title={
                  anonymized
                    ? 'The evidence file keeps the interviewees’ names and file names; the deck and the report do not.'
                    : undefined
                }
              >
                {anonymized ? 'insights.json (with names)' : 'insights.json'}
              </a>
              <a className="btn btn-primary" href={urls.deck} download={result.deck.fileName}>
                Download the deck (.pptx)
              </a>
            </div>
          ) : null}
        </div>
        <div className="stats">
          <div className="stat">
            <div className="stat-label">Themes</div>
            <div className="stat-value">{fmtNumber(report.themes)}</div>
            <div className="stat-note">across {plural(report.questions, 'question')}</div>
          </div>
          <div className="stat">
            <div className="stat-label">Splits</div>
            <div className="stat-value">{fmtNumber(report.splits)}</div>
            <div className="stat-note">where interviewees disagree</div>
          </div>
          <div className="stat">
            <div className="stat-label">Slides</div>
            <div className="stat-value">{fmtNumber(report.slideCount)}</div>
            <div className="stat-note">editable, with native charts</div>
          </div>
          <div className="stat stat-primary">
            <div className="stat-label">An out-tasker would charge</div>
            <div className="stat-value">{fmtMoney(report.outTaskerPrice)}</div>
            <div className="stat-note">{fmtMoney(report.pricePerSlide)} a slide, and a day to deliver</div>
          </div>
        </div>
        {result.skipped.length > 0 ? (
          <div className="banner banner-warning" style={{ display: 'block', marginTop: 12 }}>
            <strong>Left out:</strong>
            <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
              {result.skipped.map((s) => (
                <li key={s.file}>{s.reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {after}

      {preview.splits.length > 0 ? (
        <section className="card section" aria-labelledby="syn-splits-title">
          <h2 id="syn-splits-title">Where they split</h2>
          {preview.splits.map((s) => (
            <div className="syn-split" key={`${s.question}:${s.topic}`}>
              <p className="muted">
                {s.question}
                {s.topic !== s.question ? (
                  <>
                    {' '}
                    · <strong>{s.topic}</strong>
                  </>
                ) : null}
              </p>
              <div className="grid-2">
                {s.sides.map((side) => (
                  <ul className="syn-themes" key={side.label}>
                    <ThemeItem theme={side} of={s.answered} />
                  </ul>
                ))}
              </div>
            </div>
          ))}
        </section>
      ) : null}

      {preview.questions.map((q, i) => (
        <section className="card section" key={q.id} aria-labelledby={`syn-q-${i}`}>
          <h2 id={`syn-q-${i}`}>
            <span className="faint">Q{i + 1}</span> {q.text}
          </h2>
          <p className="muted">
            {plural(q.answered, 'interview')} answered · {plural(q.themes.length, 'theme')}
          </p>
          {q.themes.length > 0 ? (
            <ul className="syn-themes">
              {q.themes.map((t) => (
                <ThemeItem key={t.label} theme={t} of={q.answered} />
              ))}
            </ul>
          ) : (
            <p className="muted">No theme was raised by more than one interviewee.</p>
          )}
        </section>
      ))}

      {preview.crossCutting.length > 0 ? (
        <section className="card section" aria-labelledby="syn-cross-title">
          <h2 id="syn-cross-title">Across questions</h2>
          <ul className="syn-themes">
            {preview.crossCutting.map((c) => (
              <ThemeItem key={c.label} theme={c} of={preview.interviews} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The same transcripts, as the request bodies send them. */
async function uploadPayload(files: File[]) {
  const metaFile = files.find(isMeta);
  return {
    files: await Promise.all(
      files.filter((f) => !isMeta(f)).map(async (f) => ({ name: f.name, contentBase64: await base64Of(f) })),
    ),
    ...(metaFile ? { meta: { name: metaFile.name, text: await metaFile.text() } } : {}),
  };
}

/** Ask the transcripts a question: an answer in reported speech with its citations. */
function AskBox({ files, anonymize }: { files: File[]; anonymize: boolean }) {
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AskResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (question.trim().length < 3) return;
    setBusy(true);
    setError(null);
    try {
      const payload = await uploadPayload(files);
      setAnswer(
        await api.post<AskResponse>('/interviews/ask', {
          question: question.trim(),
          anonymize,
          skipInvalid: true,
          ...payload,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section syn-ask" aria-labelledby="syn-ask-title">
      <h2 id="syn-ask-title">Ask the transcripts</h2>
      <p className="muted">
        A question the form did not ask: the answer is built from what was said, with where it was said.
      </p>
      <form className="syn-ask-form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="syn-question">
          Question
        </label>
        <input
          id="syn-question"
          type="text"
          value={question}
          maxLength={500}
          placeholder="e.g. What do they say about replacing the ERP?"
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || question.trim().length < 3}>
          {busy ? 'Reading…' : 'Ask'}
        </button>
      </form>
      {error ? <ErrorBanner error={error} title="No answer." /> : null}
      {answer ? (
        <div className="syn-answer" aria-live="polite">
          <p className="syn-answer-text">{answer.answer}</p>
          <ol className="syn-citations">
            {answer.citations.map((c) => (
              <li key={`${c.source}:${c.start ?? ''}:${c.text.slice(0, 20)}`}>
                <span className="faint">
                  {c.source}
                  {c.at ? ` · ${c.at}` : ''}
                </span>{' '}
                “{c.text}”
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

function formLabel(f: FormSummary): string {
  const n = f.latest.questions.length;
  return `${f.name} · v${f.latest.number} · ${n} question${n === 1 ? '' : 's'}${f.taskName ? ` · ${f.taskName}` : ''}`;
}

export function SynthesisPage() {
  usePageTitle('Interview synthesis');
  const toast = useToast();
  const forms = useApi<FormSummary[]>('/forms');
  const samples = useApi<SampleFile[]>('/interviews/samples');
  const [loadingSamples, setLoadingSamples] = useState(false);
  const [addingForm, setAddingForm] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [formId, setFormId] = useState('');
  const [title, setTitle] = useState('');
  const [anonymize, setAnonymize] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeBox = useRef<HTMLDivElement>(null);

  // Preselect the form the link named (?form=), else the one attached to a task (the interview
  // deck's), else the first.
  const { search } = useLocation();
  const asked = search.get('form');
  useEffect(() => {
    const list = forms.data;
    if (!list || list.length === 0 || formId) return;
    setFormId((list.find((f) => f.id === asked) ?? list.find((f) => f.taskId) ?? list[0]!).id);
  }, [forms.data, formId, asked]);
  useEffect(() => {
    if (outcome) outcomeBox.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [outcome]);

  function add(list: FileList | null | undefined) {
    if (!list) return;
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const f of Array.from(list)) byName.set(f.name, f);
    setFiles([...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })));
    setOutcome(null);
  }

  async function addSampleForm() {
    setAddingForm(true);
    try {
      const res = await fetch('/api/interviews/samples/form.yaml', { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`The sample form could not be read (the server answered ${res.status}).`);
      await api.upload('/forms/import', new Blob([await res.text()], { type: 'text/plain' }), {
        query: { file: 'form.yaml', name: 'Executive interview form (sample)' },
      });
      toast('Sample form added');
      await forms.reload();
    } catch (err) {
      setOutcome({ kind: 'failed', error: err });
    } finally {
      setAddingForm(false);
    }
  }

  async function loadSamples() {
    if (!samples.data) return;
    setLoadingSamples(true);
    try {
      const loaded = await Promise.all(
        samples.data.map(async (s) => {
          const res = await fetch(`/api/interviews/samples/${encodeURIComponent(s.name)}`, {
            credentials: 'same-origin',
          });
          if (!res.ok) throw new Error(`${s.name}: the server answered ${res.status}`);
          return new File([await res.blob()], s.name);
        }),
      );
      setFiles(loaded);
      setOutcome(null);
      // The samples follow the demo's interview form, the one attached to the interview-deck task.
      const demoForm = forms.data?.find((f) => f.taskId);
      if (demoForm) setFormId(demoForm.id);
    } catch (err) {
      setOutcome({ kind: 'failed', error: err });
    } finally {
      setLoadingSamples(false);
    }
  }

  async function build(skipInvalid: boolean) {
    if (transcripts.length === 0 || !formId) return;
    setBusy(true);
    if (!skipInvalid) setOutcome(null);
    try {
      const result = await api.post<SynthesisResponse>('/interviews/synthesis', {
        formId,
        ...(await uploadPayload(files)),
        anonymize,
        skipInvalid,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setOutcome({ kind: 'done', result, anonymized: anonymize });
      toast(`Deck ready: ${plural(result.report.slideCount, 'slide')}`);
    } catch (err) {
      const listed = err instanceof ApiError ? err.details?.errors : undefined;
      if (err instanceof ApiError && Array.isArray(listed) && listed.length > 0) {
        setOutcome({ kind: 'bad-files', message: err.message, files: listed as BadFile[] });
      } else {
        setOutcome({ kind: 'failed', error: err });
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void build(false);
  }

  const transcripts = files.filter((f) => !isMeta(f));
  const totalKb = files.reduce((n, f) => n + f.size, 0) / 1024;
  const noForms = forms.data !== undefined && forms.data.length === 0;

  return (
    <div className="page page-narrow">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Automate / Interview synthesis</div>
          <h1>Interview synthesis</h1>
          <p className="lede">
            Drop the interview transcripts, pick the interview form, and get an editable PowerPoint deck: the
            themes per question with how many raised each, where people split, and quotes with their
            timestamps. The transcripts are used for this run only and are not stored.
          </p>
        </div>
      </div>

      {forms.error ? <ErrorBanner error={forms.error} title="The forms could not be loaded." /> : null}
      {forms.loading && !forms.data ? <Loading label="Loading the forms…" /> : null}
      {noForms ? (
        <div className="banner banner-info automate-callout">
          <span>
            There is no interview form yet: the synthesis aligns every answer to its questions.{' '}
            <Link to="/forms">Add your standard form</Link>, or the one the sample interviews follow.
          </span>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={addingForm}
            onClick={() => void addSampleForm()}
          >
            {addingForm ? 'Adding…' : 'Add the sample form'}
          </button>
        </div>
      ) : null}

      <form className="card" onSubmit={submit}>
        <Dropzone name="transcripts" accept={ACCEPT} multiple onFiles={add}>
          {files.length > 0 ? (
            <span className="file-chosen">
              {plural(transcripts.length, 'transcript')}
              {transcripts.length < files.length ? ' and the interview list' : ''}{' '}
              <span className="faint">· {fmtNumber(totalKb, 0)} KB · add more</span>
            </span>
          ) : (
            <span>
              <strong>Choose transcripts</strong> or drop them here
            </span>
          )}
          <span className="faint">
            Otter or meeting-recorder text, Teams/Zoom VTT, SRT, DOCX, Whisper, Rev or AssemblyAI JSON; add a
            CSV with id, role, date to show interviewees by role
          </span>
        </Dropzone>

        {files.length > 0 ? (
          <ul className="syn-files" aria-label="Chosen transcripts">
            {files.map((f) => (
              <li key={f.name}>
                <span>
                  {f.name}
                  {isMeta(f) ? <span className="badge syn-meta-badge">roles and dates</span> : null}
                </span>
                <span className="faint">{fmtNumber(f.size / 1024, 0)} KB</span>
                <button
                  type="button"
                  className="btn-link"
                  aria-label={`Remove ${f.name}`}
                  onClick={() => setFiles(files.filter((x) => x !== f))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}

        <div className="syn-options">
          <div className="field">
            <label htmlFor="syn-form">Interview form</label>
            <select
              id="syn-form"
              value={formId}
              onChange={(e) => setFormId(e.target.value)}
              disabled={!forms.data || forms.data.length === 0}
            >
              {(forms.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {formLabel(f)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="syn-title">Deck title</label>
            <input
              id="syn-title"
              type="text"
              value={title}
              maxLength={200}
              placeholder="The form’s title"
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
        </div>
        <div className="syn-submit">
          <label className="syn-check">
            <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />
            Anonymise: show interviewees by role and redact names in quotes
          </label>
          <div className="page-actions">
            {samples.data && samples.data.length > 0 && files.length === 0 ? (
              <button
                type="button"
                className="btn"
                disabled={loadingSamples}
                onClick={() => void loadSamples()}
              >
                {loadingSamples ? 'Loading the samples…' : 'Use the sample interviews'}
              </button>
            ) : null}
            <button
              type="submit"
              className="btn btn-primary"
              disabled={transcripts.length === 0 || !formId || busy}
            >
              {busy ? `Reading ${plural(transcripts.length, 'transcript')}…` : 'Build the deck'}
            </button>
          </div>
        </div>
      </form>

      <div aria-live="polite" ref={outcomeBox} className="syn-outcome">
        {outcome?.kind === 'done' ? (
          <Result
            result={outcome.result}
            anonymized={outcome.anonymized}
            after={<AskBox files={files} anonymize={outcome.anonymized} />}
          />
        ) : null}
        {outcome?.kind === 'bad-files' ? (
          <section className="card section syn-bad" aria-labelledby="syn-bad-title">
            <div className="card-head">
              <div>
                <h2 id="syn-bad-title">No deck was built</h2>
                <p className="muted">{outcome.message.replace(/:$/, '.')}</p>
              </div>
              {outcome.files.length < transcripts.length ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void build(true)}
                >
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
                {outcome.files.map((f) => (
                  <tr key={f.file}>
                    <td className="task-name">{f.file}</td>
                    <td>{f.message.replace(`${f.file}: `, '')}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <div className="section">
            <ErrorBanner error={outcome.error} title="The deck could not be built." />
          </div>
        ) : null}
      </div>
    </div>
  );
}
