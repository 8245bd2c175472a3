/** The questions a draft asks before a change: is this step waste (and why), the merged step's name, approve? */
import { useEffect, useState } from 'react';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { Step } from '../types.ts';

/** Open while `step` is set; the reason starts empty each time. */
export function WasteDialog({
  step,
  onClose,
  onConfirm,
}: {
  step: Step | null;
  onClose(): void;
  onConfirm(step: Step, reason: string): void;
}) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (step) setReason('');
  }, [step]);
  return (
    <Dialog open={step !== null} onClose={onClose} title={`Is “${step?.name ?? ''}” waste?`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(step!, reason);
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
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Mark as waste
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Merging `steps`: the name starts as theirs joined with “and”. */
export function MergeDialog({
  open,
  steps,
  onClose,
  onConfirm,
}: {
  open: boolean;
  steps: Step[];
  onClose(): void;
  onConfirm(name: string): void;
}) {
  const [name, setName] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the name is proposed when the dialog opens
  useEffect(() => {
    if (open) setName(steps.map((s) => s.name).join(' and '));
  }, [open]);
  return (
    <Dialog open={open} onClose={onClose} title={`Merge ${steps.length} steps`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(name);
        }}
      >
        <Field
          label="Name of the merged step"
          hint="Minutes add up; inputs, outputs and criteria are joined."
        >
          {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ApproveDialog({
  open,
  number,
  onClose,
  onApprove,
}: {
  open: boolean;
  number: number;
  onClose(): void;
  onApprove(): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={`Approve version ${number}?`}>
      <p>
        Once approved, version {number} never changes: the firm works by it and its brief goes to out-taskers.
        Later changes make a new draft.
      </p>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Not yet
        </button>
        <button type="button" className="btn btn-primary" onClick={onApprove}>
          Approve
        </button>
      </div>
    </Dialog>
  );
}
