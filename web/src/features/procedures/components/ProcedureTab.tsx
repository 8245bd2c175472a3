/**
 * Steps 3 and 4: the standard procedure as ordered steps, edited in its draft (add, change, drag or
 * move to reorder, merge, mark as waste), its cost before and after the waste is cut, its process map,
 * approval, and the brief for an out-tasker.
 */
import { type DragEvent, useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery } from '../../../app/router.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate, fmtMoney } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { fmtDuration } from '../format.ts';
import { KIND_LABEL, type Step, type TaskOverview, type VersionView } from '../types.ts';
import { StepDialog } from './StepDialog.tsx';

function Economics({ view, approved }: { view: VersionView; approved: VersionView | null }) {
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
          <div className="stat-label">After cutting the waste</div>
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
            <div className="stat-label">Against approved version {approved.version.number}</div>
            <div
              className={delta < 0 ? 'stat-value positive' : delta > 0 ? 'stat-value negative' : 'stat-value'}
            >
              {fmtMoney({ amountMinor: delta, currency: e.after.perYear.currency }, { signed: true })} a year
            </div>
            <div className="stat-note">
              {fmtMoney(approved.economics.after.perYear)} → {fmtMoney(e.after.perYear)} a year ·{' '}
              {fmtDuration(approved.economics.after.minutes)} → {fmtDuration(e.after.minutes)}
            </div>
          </div>
        ) : null}
      </div>
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

export function ProcedureTab({ overview, reload }: { overview: TaskOverview; reload(): Promise<void> }) {
  const toast = useToast();
  const members = useApi<Member[]>('/members');
  const [versionId, setVersionId] = useState<string | null>(
    overview.draftVersionId ?? overview.currentVersionId,
  );
  useEffect(() => {
    if (!versionId || !overview.versions.some((v) => v.id === versionId)) {
      setVersionId(overview.draftVersionId ?? overview.currentVersionId);
    }
  }, [overview, versionId]);
  const view = useApi<VersionView>(
    versionId ? `/procedures/versions/${encodeURIComponent(versionId)}` : null,
  );
  // A draft is compared with the version the firm works by today.
  const approvedId =
    versionId && versionId === overview.draftVersionId && overview.currentVersionId !== versionId
      ? overview.currentVersionId
      : null;
  const approvedView = useApi<VersionView>(
    approvedId ? `/procedures/versions/${encodeURIComponent(approvedId)}` : null,
  );
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Step | 'new' | null>(null);
  const [wasteFor, setWasteFor] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mergeOpen, setMergeOpen] = useState(false);
  const [mergeName, setMergeName] = useState('');
  const [approveOpen, setApproveOpen] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [purpose, setPurpose] = useState('');
  const [turnaround, setTurnaround] = useState('');

  const v = view.data?.version;
  useEffect(() => {
    if (v) {
      setPurpose(v.purpose);
      setTurnaround(String(v.turnaroundHours));
    }
  }, [v]);

  if (overview.versions.length === 0) {
    return (
      <section className="card">
        <h2>No standard procedure yet</h2>
        <p className="muted">
          Record the ways people do this task and merge them on the “Ways of working” tab, or write the
          procedure from scratch.
        </p>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setQuery({ tab: 'ways' })}>
            Ways of working
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={async () => {
              try {
                await api.post(`/procedures/tasks/${encodeURIComponent(overview.task.id)}/versions`, {});
                await reload();
              } catch (err) {
                setError(err);
              }
            }}
          >
            Write it from scratch
          </button>
        </div>
      </section>
    );
  }
  if (view.error && !view.data) return <ErrorBanner error={view.error} onRetry={() => void view.reload()} />;
  if (!v || !view.data) return <Loading label="Loading the procedure…" />;

  const draft = v.status === 'draft';
  const base = `/procedures/versions/${encodeURIComponent(v.id)}`;
  const run = async (what: () => Promise<unknown>, done?: string) => {
    setError(null);
    try {
      await what();
      if (done) toast(done);
      await Promise.all([view.reload(), reload()]);
    } catch (err) {
      setError(err);
    }
  };
  const costOf = (i: number) => view.data!.economics.steps[i]?.cost;

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    const from = dragging;
    setDragging(null);
    setDropAt(null);
    if (from === null || from === to) return;
    const ids = v.steps.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to > from ? to - 1 : to, 0, moved!);
    void run(() => api.post(`${base}/reorder`, { stepIds: ids }));
  };

  return (
    <>
      <section className="card" aria-labelledby="version-title">
        <div className="card-head">
          <div>
            <h2 id="version-title">
              Version {v.number}{' '}
              <span className={draft ? 'badge badge-warning' : 'badge badge-positive'}>
                {draft ? 'draft' : 'approved'}
              </span>
            </h2>
            <p className="muted small">
              {draft
                ? 'A draft: change it freely, then approve it. An approved version never changes.'
                : `Approved ${v.approvedAt ? fmtDate(v.approvedAt) : ''}. It never changes: start a new draft to change it.`}
              {v.changeNote ? ` ${v.changeNote}` : ''}
            </p>
          </div>
          <div className="page-actions">
            {overview.versions.length > 1 ? (
              <label className="small">
                <span className="visually-hidden">Version shown</span>
                <select value={v.id} onChange={(e) => setVersionId(e.target.value)}>
                  {overview.versions.map((x) => (
                    <option key={x.id} value={x.id}>
                      Version {x.number} ({x.status})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <a className="btn btn-small" href={`/api${base}/brief?format=docx`} download>
              Brief (Word)
            </a>
            <a className="btn btn-small" href={`/api${base}/brief?format=md`} download>
              Brief (Markdown)
            </a>
            {draft ? (
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={() => setApproveOpen(true)}
              >
                Approve version {v.number}
              </button>
            ) : !overview.draftVersionId ? (
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={() =>
                  run(async () => {
                    const d = await api.post<{ id: string }>(
                      `/procedures/tasks/${encodeURIComponent(overview.task.id)}/versions`,
                      { fromVersionId: v.id },
                    );
                    setVersionId(d.id);
                  }, 'New draft started')
                }
              >
                Start a new draft
              </button>
            ) : null}
          </div>
        </div>
        {error ? <ErrorBanner error={error} /> : null}
        <Economics view={view.data} approved={approvedId ? (approvedView.data ?? null) : null} />

        {draft ? (
          <form
            className="pr-version-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.patch(base, { purpose, turnaroundHours: Number(turnaround) }), 'Saved');
            }}
          >
            <Field label="Purpose" hint="Why the task exists, in the words an outsider needs">
              {({ id }) => (
                <textarea id={id} rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
              )}
            </Field>
            <Field label="Turnaround (hours)">
              {({ id }) => (
                <input
                  id={id}
                  type="number"
                  min={0}
                  value={turnaround}
                  onChange={(e) => setTurnaround(e.target.value)}
                />
              )}
            </Field>
            <div className="form-actions">
              <button type="submit" className="btn btn-small">
                Save purpose and turnaround
              </button>
            </div>
          </form>
        ) : v.purpose ? (
          <p>
            <strong>Purpose.</strong> {v.purpose}{' '}
            <span className="muted">Turnaround: {v.turnaroundHours} h.</span>
          </p>
        ) : null}
      </section>

      <section className="card section" aria-labelledby="steps-title">
        <div className="card-head">
          <div>
            <h2 id="steps-title">Steps</h2>
            {draft ? (
              <p className="muted small">
                Drag a step by its handle, or use ▲ ▼, to change the order. Tick steps to merge them.
              </p>
            ) : null}
          </div>
          {draft ? (
            <div className="page-actions">
              {selected.size >= 2 ? (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    setMergeName(
                      v.steps
                        .filter((s) => selected.has(s.id))
                        .map((s) => s.name)
                        .join(' and '),
                    );
                    setMergeOpen(true);
                  }}
                >
                  Merge {selected.size} steps
                </button>
              ) : null}
              <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
                Add a step
              </button>
            </div>
          ) : null}
        </div>
        <ol className="pr-steps">
          {v.steps.map((s, i) => {
            const cost = costOf(i);
            return (
              <li
                key={s.id}
                className={`pr-step${s.waste ? ' waste' : ''}${dragging === i ? ' dragging' : ''}${dropAt === i ? ' drop-target' : ''}`}
                data-kind={s.performer.kind}
                aria-label={`Step ${i + 1}: ${s.name}${s.waste ? ' (waste)' : ''}`}
                {...(draft
                  ? {
                      onDragOver: (e: DragEvent) => {
                        e.preventDefault();
                        setDropAt(i);
                      },
                      onDrop: (e: DragEvent) => onDrop(e, i),
                    }
                  : {})}
              >
                {draft ? (
                  <span
                    className="pr-handle"
                    draggable
                    aria-hidden="true"
                    title="Drag to move"
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', s.id);
                      setDragging(i);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setDropAt(null);
                    }}
                  >
                    ⠿
                  </span>
                ) : (
                  <span />
                )}
                {draft ? (
                  <span className="pr-move">
                    <button
                      type="button"
                      aria-label={`Move “${s.name}” up`}
                      disabled={i === 0}
                      onClick={() =>
                        run(() => api.post(`${base}/steps/${encodeURIComponent(s.id)}/move`, { to: i - 1 }))
                      }
                    >
                      ▲
                    </button>
                    <button
                      type="button"
                      aria-label={`Move “${s.name}” down`}
                      disabled={i === v.steps.length - 1}
                      onClick={() =>
                        run(() => api.post(`${base}/steps/${encodeURIComponent(s.id)}/move`, { to: i + 1 }))
                      }
                    >
                      ▼
                    </button>
                  </span>
                ) : (
                  <span />
                )}
                <span className="pr-num">{i + 1}</span>
                <div>
                  <div className="pr-step-name">
                    {draft ? (
                      <label>
                        <input
                          type="checkbox"
                          aria-label={`Select “${s.name}” to merge`}
                          checked={selected.has(s.id)}
                          onChange={() =>
                            setSelected((x) => {
                              const n = new Set(x);
                              if (n.has(s.id)) n.delete(s.id);
                              else n.add(s.id);
                              return n;
                            })
                          }
                          style={{ marginRight: 8 }}
                        />
                        {s.name}
                      </label>
                    ) : (
                      s.name
                    )}
                  </div>
                  <div className="pr-step-meta">
                    {KIND_LABEL[s.performer.kind]}: {s.performer.name || '—'} · {fmtDuration(s.minutes)}
                    {s.tool ? ` · ${s.tool}` : ''}
                    {cost ? ` · ${fmtMoney(cost, { cents: true })}` : ''}
                    {s.outputs.length ? ` · → ${s.outputs.join(', ')}` : ''}
                  </div>
                  {s.waste ? <div className="pr-waste-reason">Waste: {s.waste.reason}</div> : null}
                </div>
                {draft ? (
                  <div className="pr-step-actions">
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => setEditing(s)}>
                      Edit
                    </button>
                    {s.waste ? (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small"
                        onClick={() =>
                          run(
                            () => api.del(`${base}/steps/${encodeURIComponent(s.id)}/waste`),
                            `“${s.name}” kept`,
                          )
                        }
                      >
                        Not waste
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small btn-danger"
                        onClick={() => {
                          setReason('');
                          setWasteFor(s);
                        }}
                      >
                        Mark as waste
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      aria-label={`Remove “${s.name}”`}
                      onClick={() =>
                        run(() => api.del(`${base}/steps/${encodeURIComponent(s.id)}`), `Removed “${s.name}”`)
                      }
                    >
                      Remove
                    </button>
                  </div>
                ) : (
                  <span />
                )}
              </li>
            );
          })}
        </ol>
        {v.steps.length === 0 ? <p className="muted">No steps yet.</p> : null}
        {draft && dragging !== null ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone after the last step, for dragging only
          <div
            className={dropAt === v.steps.length ? 'pr-step drop-target' : 'pr-step'}
            style={{ minHeight: 20, opacity: 0.5 }}
            onDragOver={(e) => {
              e.preventDefault();
              setDropAt(v.steps.length);
            }}
            onDrop={(e) => onDrop(e, v.steps.length)}
          >
            <span />
            <span />
            <span />
            <span className="muted small">Drop here to put it last</span>
            <span />
          </div>
        ) : null}
      </section>

      <section className="card section" aria-labelledby="map-title">
        <div className="card-head">
          <h2 id="map-title">Process map</h2>
          <a className="btn btn-small" href={`/api${base}/map.svg?download=true`} download>
            Download SVG
          </a>
        </div>
        <div className="pr-map">
          <img
            src={`/api${base}/map.svg?v=${encodeURIComponent(v.updatedAt)}`}
            alt={`Process map of version ${v.number}: ${v.steps.map((s, i) => `${i + 1}. ${s.name}${s.waste ? ' (waste)' : ''}`).join('; ')}`}
          />
        </div>
      </section>

      <StepDialog
        open={editing !== null}
        step={editing === 'new' ? null : editing}
        members={members.data ?? []}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (editing === 'new') await api.post(`${base}/steps`, input);
          else if (editing) await api.patch(`${base}/steps/${encodeURIComponent(editing.id)}`, input);
          toast(editing === 'new' ? 'Step added' : 'Step saved');
          await Promise.all([view.reload(), reload()]);
        }}
      />

      <Dialog
        open={wasteFor !== null}
        onClose={() => setWasteFor(null)}
        title={`Is “${wasteFor?.name ?? ''}” waste?`}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const s = wasteFor!;
            setWasteFor(null);
            void run(
              () => api.post(`${base}/steps/${encodeURIComponent(s.id)}/waste`, { reason }),
              `“${s.name}” marked as waste`,
            );
          }}
        >
          <Field label="Why" hint="What habit it comes from, or what makes it unnecessary now">
            {({ id }) => (
              <textarea
                id={id}
                rows={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                autoFocus
              />
            )}
          </Field>
          <p className="muted small">
            The step stays in the version, struck through, and drops out of the “after” minutes, the cost and
            the brief.
          </p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setWasteFor(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Mark as waste
            </button>
          </div>
        </form>
      </Dialog>

      <Dialog open={mergeOpen} onClose={() => setMergeOpen(false)} title={`Merge ${selected.size} steps`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setMergeOpen(false);
            const ids = v.steps.filter((s) => selected.has(s.id)).map((s) => s.id);
            setSelected(new Set());
            void run(() => api.post(`${base}/merge`, { stepIds: ids, name: mergeName }), 'Steps merged');
          }}
        >
          <Field
            label="Name of the merged step"
            hint="Minutes add up; inputs, outputs and criteria are joined."
          >
            {({ id }) => <input id={id} value={mergeName} onChange={(e) => setMergeName(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setMergeOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Merge
            </button>
          </div>
        </form>
      </Dialog>

      <Dialog open={approveOpen} onClose={() => setApproveOpen(false)} title={`Approve version ${v.number}?`}>
        <p>
          Once approved, version {v.number} never changes: the firm works by it and its brief goes to
          out-taskers. Later changes make a new draft.
        </p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setApproveOpen(false)}>
            Not yet
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setApproveOpen(false);
              void run(() => api.post(`${base}/approve`), `Version ${v.number} approved`);
            }}
          >
            Approve
          </button>
        </div>
      </Dialog>
      {draft ? (
        <p className="small" style={{ marginTop: 16 }}>
          <button
            type="button"
            className="link-button btn-danger"
            onClick={() =>
              run(async () => {
                await api.del(base);
                setVersionId(null);
              }, `Draft ${v.number} deleted`)
            }
          >
            Delete this draft
          </button>
        </p>
      ) : null}
    </>
  );
}
