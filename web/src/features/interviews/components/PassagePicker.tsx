/**
 * Another quote for a theme, picked from what an interviewee said: their passages from the kept
 * transcript, narrowed by words to look for.
 */
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import type { Passage } from '../savedTypes.ts';

export function PassagePicker({
  synthesisId,
  idBase,
  interview,
  candidates,
  people,
  busy,
  onPick,
}: {
  synthesisId: string;
  idBase: string;
  interview: string;
  /** Whose words may be picked: the theme's interviewees. */
  candidates: string[];
  people: ReadonlyMap<string, string>;
  busy: boolean;
  onPick: (p: Passage) => Promise<void>;
}) {
  const [who, setWho] = useState(interview);
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Passage[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function find(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      setFound(
        await api.get<Passage[]>(`/syntheses/${encodeURIComponent(synthesisId)}/passages`, {
          query: { interview: who, ...(words.trim() ? { q: words.trim() } : {}) },
        }),
      );
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="syn-picker">
      <form className="syn-edit-row" onSubmit={(e) => void find(e)}>
        <label htmlFor={`${idBase}-who`}>Whose words</label>
        <select id={`${idBase}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
          {candidates.map((c) => (
            <option key={c} value={c}>
              {people.get(c) ?? c}
            </option>
          ))}
        </select>
        <label htmlFor={`${idBase}-words`}>Containing</label>
        <input
          id={`${idBase}-words`}
          type="search"
          value={words}
          onChange={(e) => setWords(e.target.value)}
        />
        <button type="submit" className="btn btn-small">
          Find passages
        </button>
      </form>
      {error ? <ErrorBanner error={error} title="The passages could not be read." /> : null}
      {found && found.length === 0 ? <p className="muted">No passage of theirs holds those words.</p> : null}
      {found && found.length > 0 ? (
        <ul className="syn-passages">
          {found.slice(0, 30).map((p) => (
            <li key={`${p.start}-${p.text.slice(0, 40)}`}>
              <span>
                “{p.text}”{p.at ? <span className="muted"> · {p.at}</span> : null}
              </span>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void onPick(p)}>
                Use this quote
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
