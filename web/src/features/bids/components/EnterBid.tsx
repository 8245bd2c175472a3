/** A bid the post got on a marketplace, entered by hand (field errors from the server at their field). */
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { useCurrency } from '../../../app/session.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { parseMoneyInput } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { JobPost } from '../../posts/types.ts';
import type { Outtasker } from '../types.ts';

export function EnterBid({ post, onEntered }: { post: JobPost; onEntered: () => Promise<void> }) {
  const firmCurrency = useCurrency();
  const toast = useToast();
  const people = useApi<Outtasker[]>('/outtaskers');
  const [outtaskerId, setOuttaskerId] = useState('');
  const [marketplace, setMarketplace] = useState('upwork');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState(firmCurrency);
  const [hours, setHours] = useState(String(post.content.turnaroundHours || 24));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoneyInput(price, currency);
    const problems: Record<string, string> = {};
    if (!outtaskerId) problems.outtaskerId = 'Choose who bid (add them under Out-taskers first)';
    if (minor === null || Number.isNaN(minor))
      problems.unitPriceMinor = 'Give the price per unit, e.g. 11.00';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await api.post('/bids', {
        taskId: post.taskId,
        postId: post.id,
        outtaskerId,
        marketplace,
        unitPriceMinor: minor,
        currency,
        turnaroundHours: Number(hours),
      });
      toast('Bid entered');
      setPrice('');
      await onEntered();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) setErrors(err.fieldErrors());
      else toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bids-form" onSubmit={submit} noValidate aria-label="Enter a bid by hand">
      <Field label="Out-tasker" error={errors.outtaskerId}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={outtaskerId}
            onChange={(e) => setOuttaskerId(e.target.value)}
          >
            <option value="">Choose…</option>
            {(people.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Marketplace">
        {({ id }) => (
          <select id={id} value={marketplace} onChange={(e) => setMarketplace(e.target.value)}>
            <option value="upwork">Upwork</option>
            <option value="freelancer">Freelancer.com</option>
            <option value="peopleperhour">PeoplePerHour</option>
            <option value="truelancer">Truelancer</option>
            <option value="direct">Direct</option>
          </select>
        )}
      </Field>
      <Field label={`Price per ${post.content.pricing.unit || 'unit'}`} error={errors.unitPriceMinor}>
        {({ id, describedBy }) => (
          <MoneyInput
            id={id}
            currency={currency}
            aria-describedby={describedBy}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        )}
      </Field>
      <Field label="Currency" error={errors.currency}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label="Turnaround (hours)" error={errors.turnaroundHours}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="number"
            min={1}
            aria-describedby={describedBy}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        )}
      </Field>
      <div className="bids-form-actions">
        <button type="submit" className="btn" disabled={busy}>
          Enter the bid
        </button>
      </div>
    </form>
  );
}
