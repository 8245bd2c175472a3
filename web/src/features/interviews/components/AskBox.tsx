/** Ask the transcripts a question: an answer in reported speech with its citations. */
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { followJob } from '../followJob.ts';
import { uploadPayload } from '../transcripts.ts';
import type { AskResponse, JobState } from '../types.ts';

export function AskBox({ files, anonymize }: { files: File[]; anonymize: boolean }) {
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
      // Answered by a background job: started at once, followed until it ends.
      const { job } = await api.post<{ job: JobState }>('/interviews/ask', {
        question: question.trim(),
        anonymize,
        skipInvalid: true,
        ...payload,
      });
      setAnswer(await followJob<AskResponse>(`/interviews/ask/${job.id}`, () => undefined));
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
          {answer.covered ? null : (
            <p className="syn-answer-uncovered">
              <span className="badge">Not discussed</span> The transcripts do not discuss this question
              {answer.citations.length > 0 ? '; the passages below are the nearest.' : '.'}
            </p>
          )}
          <p className="syn-answer-text">{answer.answer}</p>
          <ol className="syn-citations" aria-label={answer.covered ? 'Citations' : 'Nearest passages'}>
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
