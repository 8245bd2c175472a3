/**
 * A job post's call for bids in the portal: open it (with what bidders read, the turnaround asked and
 * who sees it: all the firm's out-taskers or those invited), change who sees it, or close it.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { Field } from '../../../ui/Field.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { JobPost } from '../../posts/types.ts';
import type { BidCall, Outtasker } from '../types.ts';
import { type Audience, AudiencePicker } from './AudiencePicker.tsx';

export function CallPanel({
  post,
  call,
  outtaskers,
  onChanged,
}: {
  post: JobPost;
  call: BidCall | undefined;
  outtaskers: readonly Outtasker[];
  onChanged: () => Promise<void>;
}) {
  const toast = useToast();
  const c = post.content;
  const [brief, setBrief] = useState(
    [c.summary, ...c.deliverables.map((d) => `• ${d}`)].filter(Boolean).join('\n'),
  );
  const [sla, setSla] = useState(String(c.turnaroundHours || ''));
  const [busy, setBusy] = useState(false);
  const [audience, setAudience] = useState<Audience>(
    call
      ? { audience: call.audience, outtaskerIds: call.invitedOuttaskerIds }
      : { audience: 'all', outtaskerIds: [] },
  );
  const [editing, setEditing] = useState(false);
  const names = new Map(outtaskers.map((o) => [o.id, o.name]));

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post('/bid-calls', {
        taskId: post.taskId,
        postId: post.id,
        title: c.title || post.taskName,
        brief,
        ...(Number(sla) > 0 ? { slaHours: Number(sla) } : {}),
        ...(audience.audience === 'invited' ? { outtaskerIds: audience.outtaskerIds } : {}),
      });
      toast('Open for bids in the portal');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    if (!call) return;
    setBusy(true);
    try {
      await api.post(`/bid-calls/${encodeURIComponent(call.id)}/close`);
      toast('The call for bids is closed');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const saveAudience = async (e: FormEvent) => {
    e.preventDefault();
    if (!call) return;
    setBusy(true);
    try {
      await api.put(`/bid-calls/${encodeURIComponent(call.id)}/audience`, audience);
      toast(audience.audience === 'all' ? 'Open to all out-taskers' : 'Invitations saved');
      setEditing(false);
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (call?.status === 'open') {
    const who =
      call.audience === 'all'
        ? 'all our out-taskers see it and may bid'
        : call.invitedOuttaskerIds.length === 0
          ? 'nobody is invited yet'
          : `seen only by ${call.invitedOuttaskerIds.map((id) => names.get(id) ?? 'a former out-tasker').join(', ')}`;
    return (
      <>
        <p>
          <span className="badge badge-positive">Open in the portal</span> since {fmtDate(call.openedAt)}:{' '}
          {who} (turnaround {call.slaHours} hours).{' '}
          {!editing ? (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => setEditing(true)}>
              Change who sees it
            </button>
          ) : null}{' '}
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void close()}>
            Close the call
          </button>
        </p>
        {editing ? (
          <form className="bids-form" onSubmit={saveAudience} aria-label="Who sees the call">
            <AudiencePicker outtaskers={outtaskers} value={audience} onChange={setAudience} />
            <div className="bids-form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Save who sees it
              </button>
              <button type="button" className="btn" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : null}
      </>
    );
  }
  return (
    <form className="bids-form" onSubmit={open} noValidate aria-label="Open for bids in the portal">
      <Field
        label="What bidders see"
        className="field-wide"
        hint="No client names: out-taskers read it in the portal."
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            rows={4}
            aria-describedby={describedBy}
            value={brief}
            onChange={(e) => setBrief(e.target.value)}
          />
        )}
      </Field>
      <Field label="Turnaround asked (hours)">
        {({ id }) => (
          <input id={id} type="number" min={1} value={sla} onChange={(e) => setSla(e.target.value)} />
        )}
      </Field>
      <AudiencePicker outtaskers={outtaskers} value={audience} onChange={setAudience} />
      <div className="bids-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Open for bids in the portal
        </button>
      </div>
    </form>
  );
}
