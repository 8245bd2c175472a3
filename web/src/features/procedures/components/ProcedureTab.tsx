/**
 * Steps 3 and 4: the standard procedure as ordered steps, edited in its draft (add, change, drag or
 * move to reorder, merge, mark as waste), its cost before and after the waste is cut, its process map,
 * approval, and the brief for an out-tasker.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery } from '../../../app/router.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { Step, TaskOverview, VersionView } from '../types.ts';
import { StepDialog } from './StepDialog.tsx';
import { StepList } from './StepList.tsx';
import { ApproveDialog, MergeDialog, WasteDialog } from './VersionDialogs.tsx';
import { VersionEconomics } from './VersionEconomics.tsx';

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
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mergeOpen, setMergeOpen] = useState(false);
  const [approveOpen, setApproveOpen] = useState(false);
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
        <VersionEconomics view={view.data} approved={approvedId ? (approvedView.data ?? null) : null} />

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
                <button type="button" className="btn btn-small" onClick={() => setMergeOpen(true)}>
                  Merge {selected.size} steps
                </button>
              ) : null}
              <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
                Add a step
              </button>
            </div>
          ) : null}
        </div>
        <StepList
          steps={v.steps}
          costs={v.steps.map((_, i) => view.data!.economics.steps[i]?.cost)}
          draft={draft}
          selected={selected}
          onToggleSelected={(s) =>
            setSelected((x) => {
              const n = new Set(x);
              if (n.has(s.id)) n.delete(s.id);
              else n.add(s.id);
              return n;
            })
          }
          onReorder={(ids) => void run(() => api.post(`${base}/reorder`, { stepIds: ids }))}
          onMove={(s, to) =>
            void run(() => api.post(`${base}/steps/${encodeURIComponent(s.id)}/move`, { to }))
          }
          onEdit={setEditing}
          onWaste={setWasteFor}
          onKeep={(s) =>
            void run(() => api.del(`${base}/steps/${encodeURIComponent(s.id)}/waste`), `“${s.name}” kept`)
          }
          onRemove={(s) =>
            void run(() => api.del(`${base}/steps/${encodeURIComponent(s.id)}`), `Removed “${s.name}”`)
          }
        />
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

      <WasteDialog
        step={wasteFor}
        onClose={() => setWasteFor(null)}
        onConfirm={(s, reason) => {
          setWasteFor(null);
          void run(
            () => api.post(`${base}/steps/${encodeURIComponent(s.id)}/waste`, { reason }),
            `“${s.name}” marked as waste`,
          );
        }}
      />
      <MergeDialog
        open={mergeOpen}
        steps={v.steps.filter((s) => selected.has(s.id))}
        onClose={() => setMergeOpen(false)}
        onConfirm={(name) => {
          setMergeOpen(false);
          const ids = v.steps.filter((s) => selected.has(s.id)).map((s) => s.id);
          setSelected(new Set());
          void run(() => api.post(`${base}/merge`, { stepIds: ids, name }), 'Steps merged');
        }}
      />
      <ApproveDialog
        open={approveOpen}
        number={v.number}
        onClose={() => setApproveOpen(false)}
        onApprove={() => {
          setApproveOpen(false);
          void run(() => api.post(`${base}/approve`), `Version ${v.number} approved`);
        }}
      />
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
