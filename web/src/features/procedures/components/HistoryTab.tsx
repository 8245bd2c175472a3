/** The procedure's versions, and what changed between any two of them, step by step. */
import { useEffect, useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { fmtDuration } from '../format.ts';
import type { DiffResponse, TaskOverview } from '../types.ts';

const STATUS_BADGE: Record<string, { text: string; className: string }> = {
  added: { text: 'added', className: 'badge badge-positive' },
  removed: { text: 'removed', className: 'badge badge-negative' },
  changed: { text: 'changed', className: 'badge badge-warning' },
  moved: { text: 'moved', className: 'badge badge-accent' },
  same: { text: 'same', className: 'badge' },
};

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${fmtDuration(Math.abs(n))}`;

export function HistoryTab({ overview }: { overview: TaskOverview }) {
  const versions = overview.versions;
  const latest = versions[versions.length - 1];
  const previous = versions[versions.length - 2];
  const [from, setFrom] = useState(previous?.id ?? '');
  const [to, setTo] = useState(latest?.id ?? '');
  useEffect(() => {
    setFrom(previous?.id ?? '');
    setTo(latest?.id ?? '');
  }, [previous?.id, latest?.id]);
  const diff = useApi<DiffResponse>(
    from && to && from !== to
      ? `/procedures/versions/${encodeURIComponent(to)}/diff?from=${encodeURIComponent(from)}`
      : null,
  );

  if (versions.length === 0) {
    return (
      <section className="card">
        <p className="muted">No versions yet.</p>
      </section>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="versions-title">
        <div className="card-head">
          <h2 id="versions-title">Versions</h2>
        </div>
        <DataTable flat>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Steps
              </th>
              <th scope="col" className="num">
                Minutes
              </th>
              <th scope="col" className="num">
                Without waste
              </th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.id}>
                <td>Version {v.number}</td>
                <td>
                  <span className={v.status === 'approved' ? 'badge badge-positive' : 'badge badge-warning'}>
                    {v.status}
                  </span>
                  <div className="muted small">
                    {v.approvedAt ? `approved ${fmtDate(v.approvedAt)}` : `started ${fmtDate(v.createdAt)}`}
                  </div>
                </td>
                <td className="num">
                  {v.stepCount}
                  {v.wasteSteps ? <span className="muted small"> ({v.wasteSteps} waste)</span> : null}
                </td>
                <td className="num">{fmtDuration(v.minutes)}</td>
                <td className="num">{fmtDuration(v.minutesAfterWaste)}</td>
                <td className="small">{v.changeNote || '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      {versions.length > 1 ? (
        <section className="card section" aria-labelledby="diff-title">
          <div className="card-head">
            <h2 id="diff-title">Difference</h2>
            <div className="toolbar">
              <label className="small">
                From{' '}
                <select value={from} onChange={(e) => setFrom(e.target.value)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.number}
                    </option>
                  ))}
                </select>
              </label>
              <label className="small">
                to{' '}
                <select value={to} onChange={(e) => setTo(e.target.value)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.number}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          {from === to ? <p className="muted">Choose two different versions.</p> : null}
          {diff.error ? <ErrorBanner error={diff.error} /> : null}
          {from !== to && !diff.data && !diff.error ? <Loading label="Comparing…" /> : null}
          {diff.data && from !== to ? (
            <>
              <p>
                <strong>{diff.data.counts.added}</strong> added · <strong>{diff.data.counts.removed}</strong>{' '}
                removed · <strong>{diff.data.counts.changed}</strong> changed ·{' '}
                <strong>{diff.data.counts.moved}</strong> moved · {diff.data.counts.same} the same. Minutes
                without waste: {fmtDuration(diff.data.minutesAfterWaste.from)} →{' '}
                {fmtDuration(diff.data.minutesAfterWaste.to)} ({signed(diff.data.minutesAfterWaste.delta)}).
              </p>
              <DataTable flat>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Before
                    </th>
                    <th scope="col" className="num">
                      After
                    </th>
                    <th scope="col">Step</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.rows.map((r) => (
                    <tr
                      key={`${r.key}:${r.status}`}
                      className={`pr-diff-row${r.status === 'added' ? ' pr-diff-added' : r.status === 'removed' ? ' pr-diff-removed' : ''}`}
                    >
                      <td className="num">{r.fromPosition ?? ''}</td>
                      <td className="num">{r.toPosition ?? ''}</td>
                      <td>
                        <span className="pr-diff-name">{r.name}</span>
                        {r.changes.length ? (
                          <ul className="pr-diff-changes">
                            {r.changes.map((c) => (
                              <li key={c.field}>
                                {c.field}: {c.before || '—'} → {c.after || '—'}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {r.mergedInto ? (
                          <div className="muted small">merged into “{r.mergedInto}”</div>
                        ) : null}
                      </td>
                      <td>
                        <span className={STATUS_BADGE[r.status]!.className}>
                          {STATUS_BADGE[r.status]!.text}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
