/**
 * What a version costs: minutes and money per occurrence and a year, before and after the waste is cut,
 * the saving. The approved version's "after" is the task's current cost everywhere (inventory, ranking,
 * task page); a draft's figure is what it would cost after the edit, shown against that current cost.
 */
import { fmtMoney, fmtMoneyChange } from '../../../ui/format.ts';
import { fmtDuration } from '../format.ts';
import type { VersionView } from '../types.ts';

export function VersionEconomics({ view, approved }: { view: VersionView; approved: VersionView | null }) {
  const e = view.economics;
  const delta = approved ? e.after.perYear.amountMinor - approved.economics.after.perYear.amountMinor : 0;
  return (
    <>
      <div className="pr-before-after">
        <div className="stat">
          <div className="stat-label">Before (every step)</div>
          <div className="stat-value">{fmtDuration(e.before.minutes)}</div>
          <div className="stat-note">
            {fmtMoney(e.before.perOccurrence)} per occurrence · {fmtMoney(e.before.perYear)} a year
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">
            {view.version.status === 'draft' ? 'After the edit (waste cut)' : 'After cutting the waste'}
          </div>
          <div className="stat-value">{fmtDuration(e.after.minutes)}</div>
          <div className="stat-note">
            {fmtMoney(e.after.perOccurrence)} per occurrence · {fmtMoney(e.after.perYear)} a year
          </div>
        </div>
        <div className="stat stat-primary">
          <div className="stat-label">Saving</div>
          <div className="stat-value">{fmtMoney(e.saving.perYear)} a year</div>
          <div className="stat-note">
            {fmtDuration(e.saving.minutesPerOccurrence)} and {fmtMoney(e.saving.perOccurrence)} per occurrence
            · {e.saving.hoursPerYear} h a year · {e.occurrencesPerYear} occurrences a year
          </div>
        </div>
        {approved ? (
          <div className="stat">
            <div className="stat-label">Current cost · approved version {approved.version.number}</div>
            <div className="stat-value">{fmtMoney(approved.economics.after.perYear)} a year</div>
            <div className="stat-note">
              After the edit:{' '}
              <span className={delta < 0 ? 'positive' : delta > 0 ? 'negative' : undefined}>
                {fmtMoney(e.after.perYear)} a year ({fmtMoneyChange(delta, e.after.perYear.currency)})
              </span>{' '}
              · {fmtDuration(approved.economics.after.minutes)} → {fmtDuration(e.after.minutes)}
            </div>
          </div>
        ) : null}
      </div>
      {view.version.status === 'approved' ? (
        <p className="muted small">
          Approved: {fmtMoney(e.after.perYear)} a year is the task’s current cost in the inventory and the
          ranking.
        </p>
      ) : null}
      {e.notes.length ? (
        <ul className="muted small" style={{ marginTop: 0 }}>
          {e.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
