/**
 * Step 2, homogenization: the ways people do the task today, recorded and compared side by side
 * (steps aligned across people, minutes, steps only some do, the spread), then merged into one
 * standard procedure.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, staleWrite } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtCount } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { fmtDuration } from '../format.ts';
import type { ComparisonResponse, TaskOverview } from '../types.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
import { RecordWay } from './RecordWay.tsx';
import { VariantCard } from './VariantCard.tsx';

export function WaysTab({ overview, reload }: { overview: TaskOverview; reload(): Promise<void> }) {
  const toast = useToast();
  const active = overview.variants.filter((v) => v.status === 'active');
  const retired = overview.variants.filter((v) => v.status === 'retired');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(active.map((v) => v.id)));
  const activeKey = active.map((v) => v.id).join(',');
  useEffect(() => setChosen(new Set(activeKey ? activeKey.split(',') : [])), [activeKey]);

  const readOnly = active.length === 0;
  const query = readOnly ? 'includeRetired=true' : `variantIds=${encodeURIComponent([...chosen].join(','))}`;
  const base = `/procedures/tasks/${encodeURIComponent(overview.task.id)}`;
  const comparison = useApi<ComparisonResponse>(
    overview.variants.length && (readOnly || chosen.size) ? `${base}/comparison?${query}` : null,
  );
  const [included, setIncluded] = useState<Set<number>>(new Set());
  const data = comparison.data;
  useEffect(() => {
    if (!data) return;
    setIncluded(new Set(data.columns.filter((c) => c.count * 2 >= data.variants.length).map((c) => c.index)));
  }, [data]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const draftOpen = Boolean(overview.draftVersionId);

  const summary = useMemo(() => {
    if (!data?.spread) return null;
    return `${fmtCount(data.variants.length, 'way')} · ${fmtCount(data.columns.length, 'distinct step')}, ${data.sharedSteps} done by everyone · ${fmtDuration(data.spread.min)} to ${fmtDuration(data.spread.max)} (median ${fmtDuration(data.spread.median)})`;
  }, [data]);

  return (
    <>
      {overview.variants.length === 0 ? (
        <section className="card">
          <p>
            No ways of working recorded yet. Ask each person who does “{overview.task.name}” how they do it,
            step by step, and record it below; the comparison lines their steps up.
          </p>
        </section>
      ) : (
        <section className="card" aria-labelledby="compare-title">
          <div className="card-head">
            <div>
              <h2 id="compare-title">
                {readOnly ? 'The ways the standard replaced' : 'The ways side by side'}
              </h2>
              {summary ? <p className="muted small">{summary}</p> : null}
            </div>
          </div>
          {!readOnly ? (
            <fieldset className="toolbar" style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
              <legend className="small muted">Compare and merge these ways:</legend>
              {active.map((v) => (
                <label key={v.id} className="field-check">
                  <input
                    type="checkbox"
                    checked={chosen.has(v.id)}
                    onChange={() =>
                      setChosen((c) => {
                        const n = new Set(c);
                        if (n.has(v.id)) n.delete(v.id);
                        else n.add(v.id);
                        return n;
                      })
                    }
                  />{' '}
                  {v.personName}
                </label>
              ))}
            </fieldset>
          ) : null}
          {comparison.error ? <ErrorBanner error={comparison.error} /> : null}
          {data ? (
            <ComparisonTable
              data={data}
              included={included}
              readOnly={readOnly}
              onToggle={(i) =>
                setIncluded((s) => {
                  const n = new Set(s);
                  if (n.has(i)) n.delete(i);
                  else n.add(i);
                  return n;
                })
              }
            />
          ) : chosen.size || readOnly ? (
            <Loading label="Lining the steps up…" />
          ) : (
            <p className="muted">Choose at least one way.</p>
          )}
          {!readOnly && data ? (
            <>
              <p className="muted small" style={{ marginTop: 10 }}>
                Ticked steps go into the standard (at first, those at least half of the people do), each with
                the median of their minutes. ↺ marks a step someone does at another point of their sequence.
              </p>
              {error ? <ErrorBanner error={error} /> : null}
              {draftOpen ? (
                <p className="banner banner-info">
                  A draft of the procedure is open; approve or delete it before making another standard.
                </p>
              ) : null}
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || included.size === 0 || draftOpen}
                  onClick={async () => {
                    setBusy(true);
                    setError(null);
                    try {
                      const v = await api.post<{ number: number }>(`${base}/standard`, {
                        variantIds: data.variants.map((x) => x.id),
                        columns: [...included].sort((a, b) => a - b),
                      });
                      toast(
                        `Standard procedure drafted (version ${v.number}); the ${data.variants.length} ways are retired`,
                      );
                      await reload();
                      setQuery({ tab: 'procedure' });
                    } catch (err) {
                      setError(err);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {data.variants.length === 1
                    ? `Make ${data.variants[0]!.personName}’s way the standard`
                    : `Merge ${fmtCount(data.variants.length, 'way')} into the standard (${fmtCount(included.size, 'step')})`}
                </button>
              </div>
            </>
          ) : null}
        </section>
      )}

      <div className="section">
        <RecordWay
          overview={overview}
          onSaved={async () => {
            await reload();
            await comparison.reload();
          }}
        />
      </div>

      {overview.variants.length ? (
        <section className="section" aria-labelledby="ways-title">
          <h2 id="ways-title" style={{ marginBottom: 12 }}>
            Recorded ways{' '}
            {retired.length ? (
              <span className="muted small">({retired.length} retired, kept as the record)</span>
            ) : null}
          </h2>
          <div className="pr-variants">
            {[...active, ...retired].map((v) => (
              <VariantCard
                key={v.id}
                v={v}
                {...(v.status === 'active'
                  ? {
                      onDelete: async () => {
                        try {
                          await api.del(`/procedures/variants/${encodeURIComponent(v.id)}`, {
                            ifMatch: v.version,
                          });
                          toast(`Deleted ${v.personName}’s way`);
                          await reload();
                        } catch (err) {
                          setError(err);
                          // Someone changed it meanwhile: show it as it is now (the message says so).
                          if (staleWrite(err)) await reload();
                        }
                      },
                    }
                  : {})}
              />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
