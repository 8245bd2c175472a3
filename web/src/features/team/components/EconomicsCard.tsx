/** What the economics assume beyond each task's own fields: the marketplace fee and the review share. */
import { type FormEvent, useState } from 'react';
import { api, errorMessage, staleWrite, versionOf } from '../../../api/client.ts';
import type { EconomicsSettings } from '../../../api/types.ts';
import { ConflictBanner, changesBetween } from '../../../ui/ConflictBanner.tsx';
import { Field } from '../../../ui/Field.tsx';
import { fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';

const SETTINGS_FIELDS = [
  {
    label: 'Marketplace platform fee',
    show: (s: Required<EconomicsSettings>) => `${fmtNumber(s.platformFeeBps / 100, 2)}%`,
  },
  {
    label: 'Review share',
    show: (s: Required<EconomicsSettings>) => `${fmtNumber(s.defaultReviewShare * 100, 1)}%`,
  },
] as const;

export function EconomicsCard({
  settings,
  owner,
  onSaved,
}: {
  settings: Required<EconomicsSettings>;
  owner: boolean;
  onSaved: () => void;
}) {
  const toast = useToast();
  const [fee, setFee] = useState(String(settings.platformFeeBps / 100));
  const [review, setReview] = useState(String(Math.round(settings.defaultReviewShare * 1000) / 10));
  const [error, setError] = useState<string | null>(null);
  /** Someone saved the settings since they were loaded: the settings as they saved them. */
  const [conflict, setConflict] = useState<{ current: Required<EconomicsSettings>; version: number } | null>(
    null,
  );
  /** The version a save is based on, when the owner chose to save over a newer one. */
  const [saveOver, setSaveOver] = useState<number | undefined>(undefined);
  async function save(e: FormEvent) {
    e.preventDefault();
    const feePct = Number(fee);
    const reviewPct = Number(review);
    if (!Number.isFinite(feePct) || feePct < 0 || feePct > 100)
      return setError('Platform fee needs a percentage from 0 to 100');
    if (!Number.isFinite(reviewPct) || reviewPct < 0 || reviewPct > 100)
      return setError('Review share needs a percentage from 0 to 100');
    setError(null);
    try {
      await api.patch(
        '/settings/economics',
        { platformFeeBps: Math.round(feePct * 100), defaultReviewShare: reviewPct / 100 },
        { ifMatch: saveOver ?? versionOf(settings) },
      );
      setConflict(null);
      setSaveOver(undefined);
      toast('Settings saved');
      onSaved();
    } catch (err) {
      const stale = staleWrite<Required<EconomicsSettings>>(err);
      if (stale) setConflict({ current: stale.current, version: stale.currentVersion });
      else setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">Economics</h2>
      <p className="muted">
        These assumptions drive every saving in the ranking.
        {owner ? '' : ' Only the owner can change them.'}
      </p>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      {conflict ? (
        <ConflictBanner
          what="the settings"
          changes={changesBetween(settings, conflict.current, SETTINGS_FIELDS)}
          onLoadTheirs={() => {
            setFee(String(conflict.current.platformFeeBps / 100));
            setReview(String(Math.round(conflict.current.defaultReviewShare * 1000) / 10));
            setConflict(null);
            setSaveOver(undefined);
            onSaved();
          }}
          onKeepMine={() => {
            setSaveOver(conflict.version);
            setConflict(null);
          }}
        />
      ) : null}
      <Field label="Marketplace platform fee (%)" hint="Charged on what the firm spends on a marketplace">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            disabled={!owner}
            value={fee}
            onChange={(e) => setFee(e.target.value)}
          />
        )}
      </Field>
      <Field label="Review share (%)" hint="Of the in-house time, spent reviewing an out-tasked delivery">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            disabled={!owner}
            value={review}
            onChange={(e) => setReview(e.target.value)}
          />
        )}
      </Field>
      {owner ? (
        <button type="submit" className="btn btn-primary">
          Save settings
        </button>
      ) : null}
    </form>
  );
}
