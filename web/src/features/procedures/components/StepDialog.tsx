/** Adding or changing one step of a draft: what, who, with what, how long, and when it is accepted. */
import { useState } from 'react';
import type { Member } from '../../../api/types.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { offeredMembers } from '../../team/offered.ts';
import { KIND_LABEL, type PerformerKind, type Step } from '../types.ts';

const ROLES = ['founder', 'partner', 'manager', 'consultant', 'analyst', 'support'];

export interface StepInput {
  name: string;
  description: string;
  performer: { kind: PerformerKind; ref: string | null; name: string };
  inputs: string[];
  outputs: string[];
  tool: string;
  minutes: number;
  acceptanceCriteria: string[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function StepDialog({
  open,
  step,
  members,
  onClose,
  onSave,
}: {
  open: boolean;
  step: Step | null;
  members: Member[];
  onClose(): void;
  onSave(input: StepInput): Promise<void>;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={step ? `Change “${step.name}”` : 'Add a step'} wide>
      {open ? (
        <StepForm key={step?.id ?? 'new'} step={step} members={members} onClose={onClose} onSave={onSave} />
      ) : null}
    </Dialog>
  );
}

function StepForm({
  step,
  members,
  onClose,
  onSave,
}: {
  step: Step | null;
  members: Member[];
  onClose(): void;
  onSave(input: StepInput): Promise<void>;
}) {
  const [name, setName] = useState(step?.name ?? '');
  const [description, setDescription] = useState(step?.description ?? '');
  const [kind, setKind] = useState<PerformerKind>(step?.performer.kind ?? 'member');
  const [ref, setRef] = useState(step?.performer.ref ?? members[0]?.id ?? '');
  const [who, setWho] = useState(
    step && (step.performer.kind === 'outtasker' || step.performer.kind === 'automation')
      ? step.performer.name
      : '',
  );
  const [tool, setTool] = useState(step?.tool ?? '');
  const [minutes, setMinutes] = useState(String(step?.minutes ?? ''));
  const [inputs, setInputs] = useState((step?.inputs ?? []).join('\n'));
  const [outputs, setOutputs] = useState((step?.outputs ?? []).join('\n'));
  const [criteria, setCriteria] = useState((step?.acceptanceCriteria ?? []).join('\n'));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const changeKind = (k: PerformerKind) => {
    setKind(k);
    if (k === 'member') setRef(members[0]?.id ?? '');
    if (k === 'role') setRef('analyst');
    if (k === 'outtasker' || k === 'automation') setRef('');
  };

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSave({
            name,
            description,
            performer: {
              kind,
              ref: kind === 'member' || kind === 'role' ? ref : null,
              name:
                kind === 'member'
                  ? (members.find((m) => m.id === ref)?.name ?? '')
                  : kind === 'role'
                    ? ''
                    : who,
            },
            inputs: lines(inputs),
            outputs: lines(outputs),
            tool,
            minutes: minutes.trim() === '' ? 0 : Number(minutes),
            acceptanceCriteria: lines(criteria),
          });
          onClose();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="form-grid">
        <Field label="Step">
          {({ id }) => (
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to write the step
            <input id={id} value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
          )}
        </Field>
        <Field label="Minutes per occurrence">
          {({ id }) => (
            <input
              id={id}
              type="number"
              step="any"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          )}
        </Field>
        <Field label="Performed by">
          {({ id }) => (
            <select id={id} value={kind} onChange={(e) => changeKind(e.target.value as PerformerKind)}>
              {(Object.keys(KIND_LABEL) as PerformerKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'member' ? (
          <Field label="Member">
            {({ id }) => (
              <select id={id} value={ref} onChange={(e) => setRef(e.target.value)}>
                {offeredMembers(members, ref).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.title})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : kind === 'role' ? (
          <Field label="Role">
            {({ id }) => (
              <select id={id} value={ref} onChange={(e) => setRef(e.target.value)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r[0]!.toUpperCase() + r.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field
            label={kind === 'outtasker' ? 'Out-tasker' : 'Software'}
            hint={kind === 'outtasker' ? 'e.g. Deck designer' : 'e.g. Transcription app'}
          >
            {({ id }) => <input id={id} value={who} onChange={(e) => setWho(e.target.value)} />}
          </Field>
        )}
        <Field label="Tool">
          {({ id }) => <input id={id} value={tool} onChange={(e) => setTool(e.target.value)} />}
        </Field>
      </div>
      <Field label="Description">
        {({ id }) => (
          <textarea id={id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <div className="form-grid">
        <Field label="Inputs" hint="one per line">
          {({ id }) => (
            <textarea id={id} rows={3} value={inputs} onChange={(e) => setInputs(e.target.value)} />
          )}
        </Field>
        <Field label="Outputs" hint="one per line">
          {({ id }) => (
            <textarea id={id} rows={3} value={outputs} onChange={(e) => setOutputs(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label="Accepted when" hint="the acceptance criteria of the outputs, one per line">
        {({ id }) => (
          <textarea id={id} rows={3} value={criteria} onChange={(e) => setCriteria(e.target.value)} />
        )}
      </Field>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : step ? 'Save the step' : 'Add the step'}
        </button>
      </div>
    </form>
  );
}
