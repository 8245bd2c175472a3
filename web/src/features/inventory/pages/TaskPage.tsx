/**
 * One task: its figures and how each is made (in-house estimate vs measured, out-tasked = units × price
 * + fee + review), its score factors, whose hours it takes and frees, the out-task-or-outsource
 * comparison, and every field, editable.
 */
import { useState } from 'react';
import { api, staleWrite } from '../../../api/client.ts';
import type { TaskDetail } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate } from '../../../app/router.tsx';
import { useCurrency } from '../../../app/session.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtHours, fmtMoney, fmtNumber, fmtPercent, humanize } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { synthesisPath, useSynthesisForms } from '../../interviews/links.ts';
import { CompareOutsource } from '../components/CompareOutsource.tsx';
import { FactorList, ScoreMeter } from '../components/Score.tsx';
import { TaskConflict } from '../components/TaskConflict.tsx';
import { CostBreakdown, PeopleCard } from '../components/TaskFigures.tsx';
import { TaskForm } from '../components/TaskForm.tsx';
import { taskToForm } from '../taskForm.ts';
import { useInventoryRefs } from '../useInventoryRefs.ts';
import '../task.css';

export function TaskPage({ id }: { id: string }) {
  const currency = useCurrency();
  const toast = useToast();
  const res = useApi<TaskDetail>(`/tasks/${encodeURIComponent(id)}`);
  const synthesisForms = useSynthesisForms();
  const refs = useInventoryRefs();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [formVersion, setFormVersion] = useState(0);
  /** Someone saved the task while this form was being edited: the task as they saved it. */
  const [conflict, setConflict] = useState<TaskDetail['task'] | null>(null);
  /** The version a save is based on, when the user chose to save their edits over a newer one. */
  const [saveOver, setSaveOver] = useState<number | undefined>(undefined);
  const d = res.data;
  usePageTitle(d?.task.name);

  if (res.error && !d) {
    return (
      <div className="page">
        <div className="breadcrumb">
          <Link to="/inventory">Inventory</Link>
        </div>
        <ErrorBanner error={res.error} onRetry={() => void res.reload()} />
      </div>
    );
  }
  if (!d) return <Loading label="Loading the task…" />;

  const o = d.opportunity;
  const e = o.economics;
  const t = d.task;
  const interviewForm = synthesisForms.get(t.id);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link to="/inventory">Inventory</Link> / {d.process}
          </div>
          <h1>{t.name}</h1>
          <p className="lede">
            {d.performer ? `Done by ${d.performer}` : 'Nobody assigned'} · {e.occurrencesFormula} ·{' '}
            {humanize(t.skillLevel)} skill · {humanize(t.confidentiality)}
            {t.needsClientContact ? ' · client contact' : ''}
          </p>
        </div>
        <div className="page-actions">
          <a className="btn" href="#task-details">
            Edit details
          </a>
          <Link className="btn" to="/opportunities">
            Rank {o.rank} in the opportunities
          </Link>
        </div>
      </div>

      {t.description ? <p className="task-description">{t.description}</p> : null}

      {interviewForm ? (
        <div className="banner banner-info automate-callout">
          <span>
            <strong>Software can do this one.</strong> With the transcripts and the “{interviewForm.name}”,
            the interview synthesis drafts the deck in seconds: themes, splits and quotes in an editable PPTX.
          </span>
          <Link className="btn btn-small btn-primary" to={synthesisPath(interviewForm.id)}>
            Build the deck
          </Link>
        </div>
      ) : null}

      <div className="stats">
        <div className="stat">
          <div className="stat-label">In-house a year</div>
          <div className="stat-value">{fmtMoney(e.inHouse.annualCost)}</div>
          <div className="stat-note">
            {fmtHours(e.inHouse.annualHours)} ·{' '}
            {e.inHouse.basis === 'procedure'
              ? `from the approved procedure, version ${e.inHouse.standard?.versionNumber ?? ''}`
              : e.inHouse.basis === 'measured'
                ? `measured, ${e.inHouse.measured?.periodNote ?? 'scaled to a year'}`
                : e.inHouse.basis === 'estimate'
                  ? 'estimated'
                  : 'unknown'}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Out-tasked a year</div>
          <div className="stat-value">{fmtMoney(e.outTasked?.annualCost)}</div>
          <div className="stat-note">
            {e.outTasked
              ? `${fmtNumber(e.outTasked.annualUnits)} ${t.deliverableUnit}${e.outTasked.annualUnits === 1 ? '' : 's'} at ${fmtMoney(t.marketPricePerUnit, { cents: true })}`
              : 'not priced yet'}
          </div>
        </div>
        <div className="stat stat-primary">
          <div className="stat-label">Saving a year</div>
          <div
            className={
              e.annualSaving && e.annualSaving.amountMinor < 0 ? 'stat-value negative' : 'stat-value'
            }
          >
            {fmtMoney(e.annualSaving)}
          </div>
          <div className="stat-note">
            {e.savingShare !== null ? `${fmtPercent(e.savingShare)} of the in-house cost` : '—'}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Founder hours freed</div>
          <div className="stat-value">{fmtHours(e.founderHoursFreed)}</div>
          <div className="stat-note">a year, review deducted</div>
        </div>
      </div>

      <div className="grid-2">
        <CostBreakdown d={d} />
        <section className="card" aria-labelledby="score-title">
          <div className="card-head">
            <h2 id="score-title">Out-taskability</h2>
            <span className="score-big">
              <ScoreMeter score={o.score} />
              <span className="faint"> / 100</span>
            </span>
          </div>
          <FactorList factors={o.factors} explanation={o.scoreExplanation} stacked />
        </section>
      </div>

      <div className="section">
        <PeopleCard d={d} />
      </div>

      <section className="card section" aria-labelledby="compare-title">
        <div className="card-head">
          <h2 id="compare-title">Out-task or outsource?</h2>
        </div>
        <CompareOutsource detail={d} currency={currency} />
      </section>

      <section className="card section" id="task-details" aria-labelledby="details-title">
        <div className="card-head">
          <h2 id="details-title">Details</h2>
          <span className="muted small">Every figure above follows from these.</span>
        </div>
        {refs.error ? <ErrorBanner error={refs.error} /> : null}
        {conflict ? (
          <TaskConflict
            loaded={t}
            current={conflict}
            members={refs.members}
            processes={refs.processes}
            onLoadTheirs={() => {
              setConflict(null);
              setSaveOver(undefined);
              void res.reload().then(() => setFormVersion((v) => v + 1));
            }}
            onKeepMine={() => {
              setSaveOver(conflict.version);
              setConflict(null);
            }}
          />
        ) : null}
        {refs.loaded ? (
          <TaskForm
            key={formVersion}
            initial={taskToForm(t)}
            members={refs.members}
            processes={refs.processes}
            currency={currency}
            submitLabel="Save changes"
            onSubmit={async (value) => {
              try {
                await api.patch(`/tasks/${encodeURIComponent(t.id)}`, value, {
                  ifMatch: saveOver ?? t.version,
                });
              } catch (err) {
                const stale = staleWrite<TaskDetail['task']>(err);
                if (stale) setConflict(stale.current);
                throw err;
              }
              setSaveOver(undefined);
              await res.reload();
              setFormVersion((v) => v + 1);
              toast('Saved');
            }}
            extraActions={
              <button
                type="button"
                className="btn btn-quiet btn-danger"
                onClick={() => setConfirmDelete(true)}
              >
                Delete task
              </button>
            }
          />
        ) : (
          <Loading />
        )}
      </section>

      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete this task?">
        <p>
          “{t.name}” leaves the inventory together with its imported time entries and anything built on it.
          This cannot be undone.
        </p>
        {deleteError ? <ErrorBanner error={deleteError} /> : null}
        <div className="form-actions">
          {/* biome-ignore lint/a11y/noAutofocus: a destructive confirmation focuses the safe choice */}
          <button type="button" className="btn" autoFocus onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={async () => {
              try {
                await api.del(`/tasks/${encodeURIComponent(t.id)}`, { ifMatch: t.version });
                toast(`Deleted “${t.name}”`);
                navigate('/inventory');
              } catch (err) {
                setDeleteError(err);
              }
            }}
          >
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}
