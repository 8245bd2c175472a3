/** The out-taskability score: a number with a small meter, and its factors with their share and reason. */
import type { ScoreFactor } from '../../../api/types.ts';
import { fmtNumber, fmtPercent } from '../../../ui/format.ts';
import './Score.css';

export function ScoreMeter({ score }: { score: number }) {
  return (
    <span className="score" title={`Out-taskability ${score} of 100`}>
      <span className="score-meter" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
      {score}
    </span>
  );
}

export function FactorList({
  factors,
  explanation,
  stacked,
}: {
  factors: ScoreFactor[];
  explanation?: string;
  /** One factor per block (name and points, then the sentence), for narrow cards. */
  stacked?: boolean;
}) {
  return (
    <div className={stacked ? 'factors-stacked' : undefined}>
      <div className="factors">
        {factors.map((f) => (
          <div className="factor" key={f.key}>
            <div className="factor-name">{f.label}</div>
            <div className="factor-points">
              <span className="factor-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(f.subScore * 100)}%` }} />
              </span>
              {fmtNumber(f.points, 1)} / {f.weight} pts
              <span className="faint"> · {fmtPercent(f.shareOfScore)}</span>
            </div>
            <div className="factor-sentence">{f.sentence}</div>
          </div>
        ))}
      </div>
      {explanation ? <p className="factors-note">{explanation}</p> : null}
    </div>
  );
}
