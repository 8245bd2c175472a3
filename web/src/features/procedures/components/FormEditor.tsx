/**
 * Writes a form (name, title, questions with a hint); saving makes its next version. Nobody types ids:
 * a question keeps the id it has, and a new one gets an id made from its words by the server. Problems
 * are said beside the field ("Question 2 needs text"), found here first and by the server after.
 */
import { useState } from 'react';
import { ApiError, api, staleWrite } from '../../../api/client.ts';
import { ConflictBanner, changesBetween } from '../../../ui/ConflictBanner.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { FormDetail, FormSaveResult } from '../types.ts';

interface QuestionRow {
  /** The question's id when it has one (kept across versions); '' for a new question. */
  id: string;
  text: string;
  hint: string;
}

const FORM_FIELDS = [
  { label: 'Version', show: (f: Pick<FormDetail, 'latest'>) => String(f.latest.number) },
  { label: 'Title', show: (f: Pick<FormDetail, 'latest'>) => f.latest.title },
  {
    label: 'Questions',
    show: (f: Pick<FormDetail, 'latest'>) => f.latest.questions.map((q) => q.text).join(' / '),
  },
] as const;

/** What is missing, keyed as the server names fields ("title", "questions[2].text"). */
function problemsOf(title: string, rows: readonly QuestionRow[]): Record<string, string> {
  const found: Record<string, string> = {};
  if (!title.trim()) found.title = 'Title needs text';
  if (rows.length === 0) found.questions = 'Add at least one question';
  rows.forEach((r, i) => {
    if (!r.text.trim()) found[`questions[${i + 1}].text`] = `Question ${i + 1} needs text`;
  });
  return found;
}

export function FormEditor({
  form,
  onCancel,
  onSaved,
}: {
  form: FormDetail | null;
  onCancel(): void;
  onSaved(formId: string): Promise<void>;
}) {
  const toast = useToast();
  const [name, setName] = useState(form?.name ?? '');
  const [title, setTitle] = useState(form?.latest.title ?? '');
  const [rows, setRows] = useState<QuestionRow[]>(
    form?.latest.questions.map((q) => ({ id: q.id, text: q.text, hint: q.hint ?? '' })) ?? [
      { id: '', text: '', hint: '' },
    ],
  );
  const [error, setError] = useState<unknown>(null);
  /** Problems beside their field, keyed like "questions[2].text". */
  const [problems, setProblems] = useState<Record<string, string>>({});
  /** Someone saved a newer version of the form while it was being edited: the form as it is now. */
  const [conflict, setConflict] = useState<FormDetail | null>(null);
  /** The form's version a save is based on, when the user chose to save over a newer one. */
  const [saveOver, setSaveOver] = useState<number | undefined>(undefined);
  const set = (i: number, patch: Partial<QuestionRow>) =>
    setRows((r) => r.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const move = (i: number, d: number) =>
    setRows((r) => {
      const n = [...r];
      const [x] = n.splice(i, 1);
      n.splice(i + d, 0, x!);
      return n;
    });
  return (
    <form
      className="card"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        const found = problemsOf(title, rows);
        setProblems(found);
        if (Object.keys(found).length > 0) return;
        try {
          const body = {
            ...(name ? { name } : {}),
            title,
            questions: rows.map((r) => ({
              ...(r.id ? { id: r.id } : {}),
              text: r.text,
              ...(r.hint.trim() ? { hint: r.hint } : {}),
            })),
          };
          const r = form
            ? await api.post<FormSaveResult>(`/forms/${encodeURIComponent(form.id)}/versions`, body, {
                ifMatch: saveOver ?? form.version,
              })
            : await api.post<FormSaveResult>('/forms', body);
          setConflict(null);
          setSaveOver(undefined);
          toast(r.unchanged ? 'Nothing changed' : `Saved as version ${r.version.number}`);
          await onSaved(r.form.id);
        } catch (err) {
          const stale = staleWrite<FormDetail>(err);
          const field = err instanceof ApiError ? err.details?.field : undefined;
          if (stale) {
            setConflict(stale.current);
            setSaveOver(undefined);
          } else if (typeof field === 'string' && field !== 'questions' && err instanceof ApiError)
            setProblems({ [field]: err.message.replace(/ Nothing was changed\.$/, '') });
          else setError(err);
        }
      }}
    >
      <div className="card-head">
        <h2>{form ? `Edit “${form.name}”` : 'New form'}</h2>
        <span className="muted small">Saving makes a new version; the old ones stay.</span>
      </div>
      {form && conflict ? (
        <ConflictBanner
          what="a newer version of this form"
          changes={changesBetween(form, conflict, FORM_FIELDS)}
          onLoadTheirs={() => {
            setName(conflict.name);
            setTitle(conflict.latest.title);
            setRows(conflict.latest.questions.map((q) => ({ id: q.id, text: q.text, hint: q.hint ?? '' })));
            setSaveOver(conflict.version);
            setConflict(null);
          }}
          onKeepMine={() => {
            setSaveOver(conflict.version);
            setConflict(null);
          }}
        />
      ) : null}
      <div className="form-grid">
        <Field label="Name">
          {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Title" error={problems.title}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="pr-rows-editor questions" style={{ marginTop: 12 }}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by their place while editing
          <div className="pr-row" key={i}>
            <Field
              label={`Question ${i + 1}`}
              error={problems[`questions[${i + 1}].text`] ?? problems[`questions[${i + 1}].id`]}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={r.text}
                  onChange={(e) => set(i, { text: e.target.value })}
                />
              )}
            </Field>
            <Field label="Hint for the interviewer">
              {({ id }) => (
                <input id={id} value={r.hint} onChange={(e) => set(i, { hint: e.target.value })} />
              )}
            </Field>
            <div className="pr-step-actions">
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Move question ${i + 1} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ▲
              </button>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Move question ${i + 1} down`}
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
              >
                ▼
              </button>
              <button
                type="button"
                className="btn btn-quiet btn-small btn-danger"
                aria-label={`Remove question ${i + 1}`}
                onClick={() => setRows((x) => x.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </div>
          </div>
        ))}
      </div>
      {problems.questions ? (
        <div className="banner banner-error" role="alert">
          {problems.questions}
        </div>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setRows((x) => [...x, { id: '', text: '', hint: '' }])}
        >
          Add a question
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </form>
  );
}
