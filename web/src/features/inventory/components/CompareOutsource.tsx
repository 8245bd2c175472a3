/**
 * Out-task or outsource? The outsourcing offer (investment, term, unit price, committed band, overage)
 * against out-tasking under volume scenarios; the answer as a table, a chart, the break-even and the
 * recommendation with its reason.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import type { Money, OutTaskVsOutsource, TaskDetail } from '../../../api/types.ts';
import { GroupedBarChart } from '../../../ui/charts.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import {
  fmtMoney,
  fmtNumber,
  humanize,
  moneyInputValue,
  parseMoneyInput,
  pluralUnit,
} from '../../../ui/format.ts';
import { parseNumberInput } from '../taskForm.ts';
import './CompareOutsource.css';

interface OfferDraft {
  provider: string;
  upfront: string;
  termMonths: string;
  unitPrice: string;
  bandMin: string;
  bandMax: string;
  overage: string;
  /** Volumes as % of the expected volume. */
  scenarios: { key: number; percent: string }[];
}

type Errors = Partial<Record<keyof OfferDraft | `scenario${number}` | 'form', string>>;

export function scenarioLabel(percent: number): string {
  if (percent === 100) return 'expected';
  const d = percent - 100;
  return `${d > 0 ? '+' : '−'}${fmtNumber(Math.abs(d), 1)}%`;
}

/** The label a scenario will get, shown above its input while typing. */
function scenarioPreview(percent: string): string {
  const n = parseNumberInput(percent);
  return n === null || Number.isNaN(n) ? 'New scenario' : scenarioLabel(n);
}

function initialDraft(detail: TaskDetail): OfferDraft {
  const units = detail.opportunity.economics.outTasked?.annualUnits ?? 0;
  return {
    provider: '',
    upfront: '',
    termMonths: '12',
    unitPrice: moneyInputValue(detail.task.marketPricePerUnit),
    bandMin: units ? String(Math.round(units * 0.8)) : '',
    bandMax: units ? String(Math.round(units * 1.2)) : '',
    overage: '',
    scenarios: [
      { key: 1, percent: '50' },
      { key: 2, percent: '100' },
      { key: 3, percent: '150' },
    ],
  };
}

function buildRequest(
  d: OfferDraft,
  currency: string,
): { ok: true; body: unknown } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const money = (raw: string, field: keyof OfferDraft, label: string, required: boolean): Money | null => {
    const minor = parseMoneyInput(raw, currency);
    if (minor === null) {
      if (required) errors[field] = `Enter the ${label} (0 if there is none).`;
      return null;
    }
    if (Number.isNaN(minor)) errors[field] = `The ${label} must be an amount, like 2500.`;
    else if (minor < 0) errors[field] = `The ${label} cannot be negative.`;
    else return { amountMinor: minor, currency };
    return null;
  };
  const upfront = money(d.upfront, 'upfront', 'up-front investment', true);
  const unitPrice = money(d.unitPrice, 'unitPrice', 'unit price', true);
  const overage = money(d.overage, 'overage', 'overage price', false);
  const term = parseNumberInput(d.termMonths);
  if (term === null || Number.isNaN(term) || !Number.isInteger(term) || term < 1 || term > 240) {
    errors.termMonths = 'The term is a whole number of months, 1 to 240.';
  }
  const min = parseNumberInput(d.bandMin);
  if (min === null || Number.isNaN(min) || min < 0)
    errors.bandMin = 'The committed minimum is a number of units, 0 or more.';
  const max = parseNumberInput(d.bandMax);
  if (max !== null && (Number.isNaN(max) || (min !== null && max < min))) {
    errors.bandMax = 'The maximum must be a number no smaller than the minimum (empty: no ceiling).';
  }
  const scenarios = d.scenarios.map((s, i) => {
    const n = parseNumberInput(s.percent);
    if (n === null || Number.isNaN(n) || n < 0 || n > 10_000) {
      errors[`scenario${i}`] = 'A volume in % of the expected, e.g. 50.';
      return null;
    }
    return { label: scenarioLabel(n), volumeFactor: n / 100 };
  });
  const labels = scenarios.flatMap((s) => (s ? [s.label] : []));
  if (new Set(labels).size !== labels.length)
    errors.form = 'Two scenarios have the same volume; make each one different.';
  if (Object.keys(errors).length > 0 || !upfront || !unitPrice || term === null || min === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    body: {
      offer: {
        ...(d.provider.trim() ? { provider: d.provider.trim() } : {}),
        upfrontInvestment: upfront,
        minimumTermMonths: term,
        unitPrice,
        committedUnitsPerYear: { min, max },
        overageUnitPrice: overage,
      },
      scenarios,
    },
  };
}

function ComparisonResult({ r }: { r: OutTaskVsOutsource }) {
  const unit = r.deliverableUnit;
  return (
    <div className="compare-result" aria-live="polite">
      <div className="recommendation">
        <strong>{r.recommendation.choice === 'out-task' ? 'Out-task it' : 'Outsource it'}</strong>
        {r.recommendation.reason}
      </div>
      <p className="muted">{r.breakEven.explanation}</p>
      <div>
        <DataTable>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col" className="num">
                {humanize(pluralUnit(unit))}/yr
              </th>
              <th scope="col" className="num">
                Out-task/yr
              </th>
              <th scope="col" className="num">
                Outsource/yr
              </th>
              <th scope="col">Cheaper</th>
            </tr>
          </thead>
          <tbody>
            {r.scenarios.map((s) => (
              <tr key={s.label}>
                <th scope="row" style={{ fontWeight: 550 }}>
                  {s.label}
                </th>
                <td className="num">{fmtNumber(s.unitsPerYear)}</td>
                <td className="num" title={s.outTask.explanation}>
                  {fmtMoney(s.outTask.annualCost)}
                </td>
                <td className="num" title={s.outsource.explanation}>
                  {fmtMoney(s.outsource.annualCost)}
                </td>
                <td>
                  {s.cheaper === 'equal' ? (
                    <span className="badge">Same</span>
                  ) : (
                    <span className={s.cheaper === 'out-task' ? 'badge badge-accent' : 'badge badge-warning'}>
                      {s.cheaper === 'out-task' ? 'Out-task' : 'Outsource'} by{' '}
                      {fmtMoney({
                        ...s.annualDifference,
                        amountMinor: Math.abs(s.annualDifference.amountMinor),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <GroupedBarChart
          title="Cost a year under each scenario"
          groups={r.scenarios.map((s) => ({
            label: s.label,
            values: [s.outTask.annualCost, s.outsource.annualCost],
          }))}
          series={[
            { name: 'Out-task', className: 'bar' },
            { name: 'Outsource', className: 'bar-alt' },
          ]}
        />
      </div>
      <details className="compare-details">
        <summary>How each figure is made</summary>
        <ul>
          {r.scenarios.map((s) => (
            <li key={s.label}>
              <strong>{s.sentence}</strong>
              <span className="formula">{s.outTask.explanation}</span>
              <span className="formula">{s.outsource.explanation}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function CompareOutsource({ detail, currency }: { detail: TaskDetail; currency: string }) {
  const [d, setD] = useState<OfferDraft>(() => initialDraft(detail));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OutTaskVsOutsource | null>(null);
  const e = detail.opportunity.economics;
  const unit = detail.task.deliverableUnit || 'unit';

  if (!e.outTaskable || !e.outTasked) {
    return (
      <p className="muted">
        To compare with an outsourcing offer, the task needs an out-tasked cost first:{' '}
        {e.notOutTaskableReason ?? 'add a market price.'}
      </p>
    );
  }

  const set = (k: keyof OfferDraft, v: string) => {
    setD((o) => ({ ...o, [k]: v }));
    if (errors[k]) setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const setScenario = (i: number, v: string) => {
    setD((o) => ({ ...o, scenarios: o.scenarios.map((s, j) => (j === i ? { ...s, percent: v } : s)) }));
    setErrors((x) => ({ ...x, [`scenario${i}`]: undefined }));
  };

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const r = buildRequest(d, currency);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      setResult(
        await api.post<OutTaskVsOutsource>(`/tasks/${encodeURIComponent(detail.task.id)}/compare`, r.body),
      );
    } catch (err) {
      setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const money = (k: keyof OfferDraft, label: string, hint?: string) => (
    <Field label={label} error={errors[k]} {...(hint ? { hint } : {})}>
      {({ id, describedBy, invalid }) => (
        <MoneyInput
          currency={currency}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={d[k] as string}
          onChange={(ev) => set(k, ev.target.value)}
        />
      )}
    </Field>
  );
  const num = (k: keyof OfferDraft, label: string, hint?: string) => (
    <Field label={label} error={errors[k]} {...(hint ? { hint } : {})}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={d[k] as string}
          onChange={(ev) => set(k, ev.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div>
      <p className="muted" style={{ marginTop: 0 }}>
        Out-tasking: {fmtNumber(e.outTasked.annualUnits)} {pluralUnit(unit, e.outTasked.annualUnits)} a year
        at {fmtMoney(detail.task.marketPricePerUnit, { cents: true })} each, no commitment. Enter the
        outsourcing offer you have; the fields start from the task’s own figures.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid offer-grid">
          <Field label="Provider" hint="Optional">
            {({ id }) => (
              <input id={id} value={d.provider} onChange={(ev) => set('provider', ev.target.value)} />
            )}
          </Field>
          {money('upfront', 'Up-front investment', 'Set-up and transition')}
          {num('termMonths', 'Minimum term', 'Months')}
          {money('unitPrice', `Price per ${unit}`, 'Inside the committed band')}
          {num('bandMin', 'Band minimum', `${humanize(pluralUnit(unit))} a year, billed even if unused`)}
          {num('bandMax', 'Band maximum', `${humanize(pluralUnit(unit))} a year; empty: no ceiling`)}
          {money('overage', 'Overage price', `Per ${unit} above the band; empty: same`)}
        </div>
        <fieldset className="scenarios">
          <legend>
            Volume scenarios, % of the expected {fmtNumber(e.outTasked.annualUnits)} {pluralUnit(unit)} a year
          </legend>
          <div className="scenario-list">
            {d.scenarios.map((s, i) => (
              <div className="scenario" key={s.key}>
                <label className="scenario-label" htmlFor={`scenario-${i}`}>
                  {scenarioPreview(s.percent)}
                </label>
                <div className="pct-input">
                  <input
                    id={`scenario-${i}`}
                    inputMode="decimal"
                    value={s.percent}
                    aria-invalid={Boolean(errors[`scenario${i}`])}
                    onChange={(ev) => setScenario(i, ev.target.value)}
                  />
                  <span aria-hidden="true">%</span>
                </div>
                {d.scenarios.length > 1 ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove the scenario ${scenarioPreview(s.percent)}`}
                    onClick={() => setD((o) => ({ ...o, scenarios: o.scenarios.filter((_, j) => j !== i) }))}
                  >
                    Remove
                  </button>
                ) : null}
                {errors[`scenario${i}`] ? <div className="field-error">{errors[`scenario${i}`]}</div> : null}
              </div>
            ))}
            {d.scenarios.length < 10 ? (
              <button
                type="button"
                className="btn btn-quiet btn-small"
                onClick={() =>
                  setD((o) => ({
                    ...o,
                    scenarios: [
                      ...o.scenarios,
                      { key: Math.max(0, ...o.scenarios.map((x) => x.key)) + 1, percent: '' },
                    ],
                  }))
                }
              >
                + Scenario
              </button>
            ) : null}
          </div>
        </fieldset>
        {errors.form ? (
          <div className="banner banner-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Comparing…' : 'Compare'}
          </button>
        </div>
      </form>
      {result ? <ComparisonResult r={result} /> : null}
    </div>
  );
}
