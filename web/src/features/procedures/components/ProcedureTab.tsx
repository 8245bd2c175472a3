/**
 * Steps 3 and 4: the standard procedure as ordered steps, edited in its draft (add, change, drag or
 * move to reorder, merge, mark as waste), its cost before and after the waste is cut, its process map,
 * approval, and the brief for an out-tasker.
 */
import { useEffect, useState } from 'react';
import { api, staleWrite } from '../../../api/client.ts';
import type { Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery } from '../../../app/router.tsx';
import { ConflictBanner, changesBetween } from '../../../ui/ConflictBanner.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { Step, TaskOverview, VersionView } from '../types.ts';
import { StepDialog } from './StepDialog.tsx';
import { StepList } from './StepList.tsx';
import { ApproveDialog, MergeDialog, WasteDialog } from './VersionDialogs.tsx';
import { VersionEconomics } from './VersionEconomics.tsx';

type Version = VersionView['version'];
/** A write of the draft, given the version it is based on (sent as If-Match). */
type Op = (opts: { ifMatch: number | undefined }) => Promise<unknown>;

const DRAFT_FIELDS = [
  { label: 'Purpose', show: (v: Version) => v.purpose },
  { label: 'Turnaround (hours)', show: (v: Version) => String(v.turnaroundHours) },
  {
    label: 'Steps',
    show: (v: Version) =>
      v.steps.map((s, i) => `${i + 1}. ${s.name}${s.waste ? ' (waste)' : ''} (${s.minutes} min)`).join('; '),
  },
] as const;

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
  /** Someone changed the draft since it was loaded: it as they left it, and this user's write again. */
  const [conflict, setConflict] = useState<{ current: Version; retry(): void } | null>(null);

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
  /** Someone saved the draft first: show what they changed and offer to load it or write this again. */
  const onStale = (err: unknown, again: (basedOn: number) => void): boolean => {
    const stale = staleWrite<Version>(err);
    if (!stale) return false;
    setConflict({ current: stale.current, retry: () => again(stale.currentVersion) });
    return true;
  };
  const run = async (what: Op, done?: string, basedOn: number | undefined = v.version) => {
    setError(null);
    try {
      await what({ ifMatch: basedOn });
      setConflict(null);
      if (done) toast(done);
      await Promise.all([view.reload(), reload()]);
    } catch (err) {
      if (!onStale(err, (version) => void run(what, done, version))) setError(err);
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
        {conflict ? (
          <ConflictBanner
            what="this draft"
            changes={changesBetween(v, conflict.current, DRAFT_FIELDS)}
            onLoadTheirs={() => {
              setConflict(null);
              void Promise.all([view.reload(), reload()]);
            }}
            onKeepMine={() => {
              const again = conflict.retry;
              setConflict(null);
              again();
            }}
          />
        ) : null}
        <VersionEconomics view={view.data} approved={approvedId ? (approvedView.data ?? null) : null} />

        {draft ? (
          <form
            className="pr-version-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run((o) => api.patch(base, { purpose, turnaroundHours: Number(turnaround) }, o), 'Saved');
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
          onReorder={(ids) => void run((o) => api.post(`${base}/reorder`, { stepIds: ids }, o))}
          onMove={(s, to) =>
            void run((o) => api.post(`${base}/steps/${encodeURIComponent(s.id)}/move`, { to }, o))
          }
          onEdit={setEditing}
          onWaste={setWasteFor}
          onKeep={(s) =>
            void run((o) => api.del(`${base}/steps/${encodeURIComponent(s.id)}/waste`, o), `“${s.name}” kept`)
          }
          onRemove={(s) =>
            void run((o) => api.del(`${base}/steps/${encodeURIComponent(s.id)}`, o), `Removed “${s.name}”`)
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
        {/* A wide map scrolls sideways: focusable, so the keyboard can scroll it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keys (WCAG 2.1.1) */}
        <section className="pr-map" aria-label="Process map, scrolls sideways" tabIndex={0}>
          <img
            src={`/api${base}/map.svg?v=${encodeURIComponent(v.updatedAt)}`}
            alt={`Process map of version ${v.number}: ${v.steps.map((s, i) => `${i + 1}. ${s.name}${s.waste ? ' (waste)' : ''}`).join('; ')}`}
          />
        </section>
      </section>

      <StepDialog
        open={editing !== null}
        step={editing === 'new' ? null : editing}
        members={members.data ?? []}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          const step = editing;
          const save: Op = (o) =>
            step === 'new' || step === null
              ? api.post(`${base}/steps`, input, o)
              : api.patch(`${base}/steps/${encodeURIComponent(step.id)}`, input, o);
          const done = step === 'new' ? 'Step added' : 'Step saved';
          try {
            await save({ ifMatch: v.version });
          } catch (err) {
            // The dialog closes; the conflict is shown on the page with the choice to save it again.
            if (onStale(err, (version) => void run(save, done, version))) return setEditing(null);
            throw err;
          }
          toast(done);
          await Promise.all([view.reload(), reload()]);
        }}
      />

      <WasteDialog
        step={wasteFor}
        onClose={() => setWasteFor(null)}
        onConfirm={(s, reason) => {
          setWasteFor(null);
          void run(
            (o) => api.post(`${base}/steps/${encodeURIComponent(s.id)}/waste`, { reason }, o),
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
          void run((o) => api.post(`${base}/merge`, { stepIds: ids, name }, o), 'Steps merged');
        }}
      />
      <ApproveDialog
        open={approveOpen}
        number={v.number}
        onClose={() => setApproveOpen(false)}
        onApprove={() => {
          setApproveOpen(false);
          void run((o) => api.post(`${base}/approve`, undefined, o), `Version ${v.number} approved`);
        }}
      />
      {draft ? (
        <p className="small" style={{ marginTop: 16 }}>
          <button
            type="button"
            className="link-button btn-danger"
            onClick={() =>
              run(async (o) => {
                await api.del(base, o);
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
