/**
 * A built synthesis: the deck's numbers and downloads (deck, report, insights), then the evidence on the
 * page — where interviewees split, the themes per question with how many raised each and a quote, and
 * the themes across questions.
 */
import { type ReactNode, useEffect, useMemo } from 'react';
import { fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { plural } from '../transcripts.ts';
import type { PreviewTheme, SynthesisResponse } from '../types.ts';

function blobUrl(parts: BlobPart[], type: string): string {
  return URL.createObjectURL(new Blob(parts, { type }));
}

/** Downloads for one result; the object URLs live as long as the result is shown. */
function useDownloads(result: SynthesisResponse | null) {
  const urls = useMemo(() => {
    if (!result) return null;
    return {
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

export function SynthesisResult({
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
              <a className="btn btn-primary" href={result.deck.href} download={result.deck.fileName}>
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
