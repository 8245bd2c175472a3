/**
 * One theme of a saved synthesis, with what a consultant can do to it before the client sees it: rename
 * it, merge another into it, split some interviewees out, drop it, move it up or down, move a quote to
 * another theme or pick another passage for it. Every change is one edit sent to the server, which
 * recounts and answers with the synthesis as it now is.
 */
import { type FormEvent, useState } from 'react';
import type { SynthesisEdit } from '../savedTypes.ts';
import type { PreviewTheme } from '../types.ts';
import { PassagePicker } from './PassagePicker.tsx';

export interface ThemeRef {
  id: string;
  label: string;
}

export interface EditableTheme {
  id: string;
  interviews: string[];
  quotes: { interview: string; text: string; start: number | null }[];
}

export function ThemeEditor({
  synthesisId,
  theme,
  shown,
  of,
  siblings,
  everyTheme,
  people,
  position,
  transcriptsKept,
  busy,
  apply,
  onReorder,
}: {
  synthesisId: string;
  theme: EditableTheme;
  /** The theme as the deck shows it (names redacted when anonymized). */
  shown: PreviewTheme;
  of: number;
  /** The other themes of the same question (merge targets). */
  siblings: ThemeRef[];
  /** Every question theme but this one (where a quote can go). */
  everyTheme: ThemeRef[];
  people: ReadonlyMap<string, string>;
  position: { first: boolean; last: boolean };
  transcriptsKept: boolean;
  busy: boolean;
  apply: (edit: SynthesisEdit) => Promise<boolean>;
  onReorder: (direction: -1 | 1) => void;
}) {
  const id = theme.id;
  const [label, setLabel] = useState(shown.label);
  const [summary, setSummary] = useState(shown.summary);
  const [mergeWith, setMergeWith] = useState(siblings[0]?.id ?? '');
  const [splitOut, setSplitOut] = useState<string[]>([]);
  const [splitLabel, setSplitLabel] = useState('');
  const [moveTo, setMoveTo] = useState<Record<number, string>>({});
  const [picking, setPicking] = useState<number | null>(null);

  const rename = (e: FormEvent) => {
    e.preventDefault();
    void apply({ op: 'rename', themeId: id, label, summary });
  };
  const split = async (e: FormEvent) => {
    e.preventDefault();
    if (await apply({ op: 'split', themeId: id, interviews: splitOut, label: splitLabel })) {
      setSplitOut([]);
      setSplitLabel('');
    }
  };

  return (
    <li className="syn-theme syn-edit-theme" data-theme={id}>
      <div className="syn-theme-head">
        <strong className="syn-edit-label">{shown.label}</strong>
        <span className="prevalence-text">
          {shown.count} of {of}
        </span>
      </div>
      {shown.summary ? <p className="muted syn-theme-summary">{shown.summary}</p> : null}

      <ol className="syn-edit-quotes">
        {shown.quotes.map((q, i) => (
          <li key={`${theme.quotes[i]?.interview}:${q.text}`}>
            <blockquote className="syn-quote">
              “{q.text}”
              <footer>
                {q.source}
                {q.at ? ` · ${q.at}` : ''}
              </footer>
            </blockquote>
            <div className="syn-edit-row">
              <label htmlFor={`${id}-q${i}-to`}>Move this quote to</label>
              <select
                id={`${id}-q${i}-to`}
                value={moveTo[i] ?? ''}
                onChange={(e) => setMoveTo({ ...moveTo, [i]: e.target.value })}
              >
                <option value="">Choose a theme…</option>
                {everyTheme.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy || !moveTo[i]}
                onClick={() => void apply({ op: 'move-quote', themeId: id, quote: i, toThemeId: moveTo[i]! })}
              >
                Move
              </button>
              {transcriptsKept ? (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-expanded={picking === i}
                  onClick={() => setPicking(picking === i ? null : i)}
                >
                  Pick another quote
                </button>
              ) : null}
            </div>
            {picking === i && theme.quotes[i] ? (
              <PassagePicker
                synthesisId={synthesisId}
                idBase={`${id}-q${i}`}
                interview={theme.quotes[i]!.interview}
                candidates={theme.interviews}
                people={people}
                busy={busy}
                onPick={async (p) => {
                  if (
                    await apply({
                      op: 'replace-quote',
                      themeId: id,
                      quote: i,
                      with: { interview: p.interview, text: p.text, start: p.start },
                    })
                  )
                    setPicking(null);
                }}
              />
            ) : null}
          </li>
        ))}
      </ol>

      <div className="syn-edit-row syn-edit-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || position.first}
          onClick={() => onReorder(-1)}
        >
          Move up
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || position.last}
          onClick={() => onReorder(1)}
        >
          Move down
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={busy}
          onClick={() => void apply({ op: 'drop', themeId: id })}
        >
          Drop
        </button>
      </div>

      <details className="syn-edit-more">
        <summary>Rename</summary>
        <form onSubmit={rename}>
          <div className="field">
            <label htmlFor={`${id}-label`}>Headline</label>
            <input
              id={`${id}-label`}
              type="text"
              value={label}
              maxLength={160}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-summary`}>Summary</label>
            <textarea
              id={`${id}-summary`}
              rows={2}
              value={summary}
              maxLength={1000}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="btn btn-small btn-primary"
            disabled={busy || label.trim().length < 2}
          >
            Save the name
          </button>
        </form>
      </details>

      {siblings.length > 0 ? (
        <details className="syn-edit-more">
          <summary>Merge</summary>
          <div className="syn-edit-row">
            <label htmlFor={`${id}-merge`}>Merge into this theme</label>
            <select id={`${id}-merge`} value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
              {siblings.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy || !mergeWith}
              onClick={() => void apply({ op: 'merge', themeId: id, otherId: mergeWith })}
            >
              Merge
            </button>
          </div>
        </details>
      ) : null}

      {theme.interviews.length > 1 ? (
        <details className="syn-edit-more">
          <summary>Split</summary>
          <form onSubmit={split}>
            <fieldset className="syn-edit-people">
              <legend>Interviewees who made another point</legend>
              {theme.interviews.map((who) => (
                <label key={who} className="syn-check">
                  <input
                    type="checkbox"
                    checked={splitOut.includes(who)}
                    onChange={(e) =>
                      setSplitOut(e.target.checked ? [...splitOut, who] : splitOut.filter((x) => x !== who))
                    }
                  />
                  {people.get(who) ?? who}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-split-label`}>Their theme’s headline</label>
              <input
                id={`${id}-split-label`}
                type="text"
                value={splitLabel}
                maxLength={160}
                onChange={(e) => setSplitLabel(e.target.value)}
              />
            </div>
            <button
              type="submit"
              className="btn btn-small btn-primary"
              disabled={
                busy ||
                splitOut.length === 0 ||
                splitOut.length >= theme.interviews.length ||
                splitLabel.trim().length < 2
              }
            >
              Split them out
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}
