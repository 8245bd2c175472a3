/** A job post's call for bids in the portal: open it (with what bidders read and the turnaround asked), or close it. */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { Field } from '../../../ui/Field.tsx';
import { fmtDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { JobPost } from '../../posts/types.ts';
import type { BidCall } from '../types.ts';

export function CallPanel({
  post,
  call,
  onChanged,
}: {
  post: JobPost;
  call: BidCall | undefined;
  onChanged: () => Promise<void>;
}) {
  const toast = useToast();
  const c = post.content;
  const [brief, setBrief] = useState(
    [c.summary, ...c.deliverables.map((d) => `• ${d}`)].filter(Boolean).join('\n'),
  );
  const [sla, setSla] = useState(String(c.turnaroundHours || ''));
  const [busy, setBusy] = useState(false);

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

  if (call?.status === 'open') {
    return (
      <p>
        <span className="badge badge-positive">Open in the portal</span> since {fmtDate(call.openedAt)}:
        invited out-taskers see it and bid on it (turnaround {call.slaHours} hours).{' '}
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void close()}>
          Close the call
        </button>
      </p>
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
      <div className="bids-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Open for bids in the portal
        </button>
      </div>
    </form>
  );
}
