/**
 * The workspace's own settings: its currency (fixed once a member's cost is stored in it: amounts are
 * never converted) and the month its fiscal year starts, which sets the "this fiscal year" period
 * offered on the statements page. The owner's to change.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage, staleWrite } from '../../../api/client.ts';
import type { Me } from '../../../api/types.ts';
import { useSession } from '../../../app/session.tsx';
import { Field } from '../../../ui/Field.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { fiscalYearOf, localToday, MONTH_NAMES } from '../fiscalYear.ts';
import type { WorkspaceSettings } from '../types.ts';

export function WorkspaceCard({
  settings,
  owner,
  onSaved,
}: {
  settings: WorkspaceSettings;
  owner: boolean;
  onSaved: () => void;
}) {
  const toast = useToast();
  const { adopt } = useSession();
  const [currency, setCurrency] = useState(settings.currency);
  const [month, setMonth] = useState(settings.fiscalYearStartMonth);
  const [error, setError] = useState<string | null>(null);
  const year = fiscalYearOf(localToday(), settings.fiscalYearStartMonth);
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) return setError('Currency needs a 3-letter code, like EUR');
    setError(null);
    try {
      await api.patch(
        '/workspace/settings',
        {
          fiscalYearStartMonth: month,
          ...(settings.currencyFixed ? {} : { currency: currency.trim().toUpperCase() }),
        },
        { ifMatch: settings.version },
      );
      toast('Workspace settings saved');
      onSaved();
      // The signed-in workspace (currency, fiscal year) is read from the session by other pages.
      adopt(await api.get<Me>('/auth/me'));
    } catch (err) {
      const stale = staleWrite<unknown>(err);
      if (stale) {
        setError('Someone saved the workspace settings since you opened them: here they are now.');
        onSaved();
      } else setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="workspace-title">
      <h2 id="workspace-title">Workspace</h2>
      <p className="muted">
        The fiscal year now runs {fmtDate(year.from)} to {fmtDate(year.to)}.
        {owner ? '' : ' Only an owner can change these.'}
      </p>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <Field
        label="Currency"
        hint={
          settings.currencyFixed
            ? 'Fixed: the members’ costs are stored in it, and amounts are not converted'
            : 'Every amount is counted in it; fixed once a member’s cost is stored'
        }
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            disabled={!owner || settings.currencyFixed}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          />
        )}
      </Field>
      <Field label="Fiscal year starts in" hint="Sets “this fiscal year” on the statements">
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            disabled={!owner}
            value={month}
            onChange={(e) => setMonth(Number(e.target.value))}
          >
            {MONTH_NAMES.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {owner ? (
        <button type="submit" className="btn btn-primary">
          Save workspace settings
        </button>
      ) : null}
    </form>
  );
}
