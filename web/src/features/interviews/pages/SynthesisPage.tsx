/**
 * Interview synthesis: transcripts and the firm's standard interview form in, the editable deck out,
 * with the themes, splits and quotes on the page so the evidence can be checked before the deck is
 * sent. The result is saved (under an engagement, attached to the form's task) to be reopened and
 * edited; the transcripts are kept with it only when the user chooses so.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { Link, useLocation } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { FormSummary } from '../../procedures/types.ts';
import { AskBox } from '../components/AskBox.tsx';
import { BadFilesReport } from '../components/BadFilesReport.tsx';
import { JobProgressLine } from '../components/JobProgressLine.tsx';
import { SynthesisResult } from '../components/SynthesisResult.tsx';
import { TranscriptPicker } from '../components/TranscriptPicker.tsx';
import { savedSynthesisPath } from '../savedTypes.ts';
import { isMeta, plural } from '../transcripts.ts';
import { useSampleInterviews } from '../useSampleInterviews.ts';
import { useSynthesisRun } from '../useSynthesisRun.ts';

function formLabel(f: FormSummary): string {
  const n = f.latest.questions.length;
  return `${f.name} · v${f.latest.number} · ${n} question${n === 1 ? '' : 's'}${f.taskName ? ` · ${f.taskName}` : ''}`;
}

const byName = (a: File, b: File) => a.name.localeCompare(b.name, 'en', { numeric: true });

export function SynthesisPage() {
  usePageTitle('Interview synthesis');
  const toast = useToast();
  const forms = useApi<FormSummary[]>('/forms');
  const samples = useSampleInterviews();
  const run = useSynthesisRun();
  const [files, setFiles] = useState<File[]>([]);
  const [formId, setFormId] = useState('');
  const [title, setTitle] = useState('');
  const [anonymize, setAnonymize] = useState(true);
  const [engagement, setEngagement] = useState('');
  const [keepTranscripts, setKeepTranscripts] = useState(false);
  const outcomeBox = useRef<HTMLDivElement>(null);
  const { outcome } = run;

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

  function add(list: FileList) {
    const chosen = new Map(files.map((f) => [f.name, f]));
    for (const f of Array.from(list)) chosen.set(f.name, f);
    setFiles([...chosen.values()].sort(byName));
    run.clear();
  }

  async function addSampleForm() {
    try {
      await samples.addForm();
      toast('Sample form added');
      await forms.reload();
    } catch (err) {
      run.fail(err);
    }
  }

  async function chooseSamples() {
    try {
      setFiles(await samples.load());
      run.clear();
      // The samples follow the demo's interview form, the one attached to the interview-deck task.
      const demoForm = forms.data?.find((f) => f.taskId);
      if (demoForm) setFormId(demoForm.id);
    } catch (err) {
      run.fail(err);
    }
  }

  const transcripts = files.filter((f) => !isMeta(f));
  const build = (skipInvalid: boolean) => {
    if (transcripts.length === 0 || !formId) return;
    const taskId = forms.data?.find((f) => f.id === formId)?.taskId ?? null;
    void run.build({ formId, files, anonymize, title, engagement, taskId, keepTranscripts }, skipInvalid);
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    build(false);
  }

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
            timestamps. Each deck is saved under its engagement, to reopen and edit before the client sees it
            (<Link to="/interviews/syntheses">saved syntheses</Link>); the transcripts are kept with it only
            if you choose.
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
            disabled={samples.addingForm}
            onClick={() => void addSampleForm()}
          >
            {samples.addingForm ? 'Adding…' : 'Add the sample form'}
          </button>
        </div>
      ) : null}

      <form className="card" onSubmit={submit}>
        <TranscriptPicker
          files={files}
          onAdd={add}
          onRemove={(f) => setFiles(files.filter((x) => x !== f))}
        />

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
          <div className="field">
            <label htmlFor="syn-engagement">Engagement</label>
            <input
              id="syn-engagement"
              type="text"
              value={engagement}
              maxLength={200}
              placeholder="The deck’s title"
              onChange={(e) => setEngagement(e.target.value)}
            />
          </div>
        </div>
        <div className="syn-submit">
          <label className="syn-check">
            <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />
            Anonymize: show interviewees by role and redact names in quotes
          </label>
          <label className="syn-check">
            <input
              type="checkbox"
              checked={keepTranscripts}
              onChange={(e) => setKeepTranscripts(e.target.checked)}
            />
            Keep the transcripts with the saved synthesis (to pick other quotes from them later)
          </label>
          <div className="page-actions">
            {samples.available.length > 0 && files.length === 0 ? (
              <button
                type="button"
                className="btn"
                disabled={samples.loading}
                onClick={() => void chooseSamples()}
              >
                {samples.loading ? 'Loading the samples…' : 'Use the sample interviews'}
              </button>
            ) : null}
            <button
              type="submit"
              className="btn btn-primary"
              disabled={transcripts.length === 0 || !formId || run.busy}
            >
              {run.busy ? `Reading ${plural(transcripts.length, 'transcript')}…` : 'Build the deck'}
            </button>
          </div>
          {run.job ? <JobProgressLine job={run.job} /> : null}
        </div>
      </form>

      <div aria-live="polite" ref={outcomeBox} className="syn-outcome">
        {outcome?.kind === 'done' ? (
          <>
            {outcome.synthesisId ? (
              <div className="banner banner-info syn-saved">
                <span>Saved. Rename, merge, split or drop themes and pick quotes before you export it.</span>
                <Link className="btn btn-small btn-primary" to={savedSynthesisPath(outcome.synthesisId)}>
                  Open the saved synthesis
                </Link>
              </div>
            ) : null}
            <SynthesisResult
              result={outcome.result}
              anonymized={outcome.anonymized}
              after={<AskBox files={files} anonymize={outcome.anonymized} />}
            />
          </>
        ) : null}
        {outcome?.kind === 'bad-files' ? (
          <BadFilesReport
            message={outcome.message}
            files={outcome.files}
            canSkip={outcome.files.length < transcripts.length}
            busy={run.busy}
            onBuildWithout={() => build(true)}
          />
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
