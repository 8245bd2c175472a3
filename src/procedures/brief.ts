/**
 * The brief an out-tasker receives: the standard procedure written for an outsider. Purpose,
 * what comes in, what goes out, the steps (waste left out), forms, acceptance criteria and
 * turnaround. This module builds the content; brief-markdown.ts and brief-docx.ts render it. Pure.
 */

import type { Confidentiality } from '../inventory/index.ts';
import { formatMoney, type Money } from '../platform/money.ts';
import {
  type FormVersion,
  PERFORMER_KIND_LABELS,
  type PerformerKind,
  type ProcedureVersion,
  type Step,
} from './procedures.ts';

export interface BriefStep {
  number: number;
  name: string;
  description: string;
  kind: PerformerKind;
  /** "You (out-tasker)", "Larkspur Advisory: Elena Marchetti", "Automation: Transcription app". */
  who: string;
  tool: string;
  minutes: number;
  inputs: string[];
  outputs: string[];
  acceptanceCriteria: string[];
}

export interface BriefForm {
  name: string;
  title: string;
  version: number;
  questions: { id: string; text: string; hint?: string }[];
}

/** Something that changes hands between the out-tasker and the rest of the procedure. */
export interface BriefHandover {
  /** What it is, as the steps call it: "Storyline". */
  item: string;
  /**
   * The step on the other side of the hand-over, "step 4 (Larkspur Advisory: Elena Marchetti)": who
   * hands it over (an input) or who takes it on (a deliverable). Null when no step of the procedure
   * makes it (it comes with the job) or takes it on (it is the end result).
   */
  party: string | null;
}

export interface Brief {
  firm: string;
  title: string;
  process: string;
  version: { number: number; status: ProcedureVersion['status']; approvedAt: string | null };
  purpose: string;
  /**
   * What the out-tasker receives: the inputs of their steps that none of their own earlier steps
   * makes (from the firm's earlier steps, or with the job). With no out-tasker step, the inputs of the
   * whole procedure.
   */
  inputs: BriefHandover[];
  /**
   * What the out-tasker hands back: the outputs of their steps that a later step of someone else
   * takes on, or that no later step uses. With no out-tasker step, the procedure's end results.
   */
  deliverables: BriefHandover[];
  deliverable: { unit: string; unitsPerOccurrence: number; pricePerUnit: string | null };
  turnaroundHours: number;
  confidentiality: Confidentiality;
  steps: BriefStep[];
  /** Minutes of the steps in the brief, and of the out-tasker's own steps. */
  minutes: { total: number; outtasker: number };
  forms: BriefForm[];
  /** Steps left out because they were marked as waste. */
  wasteLeftOut: number;
  generatedAt: string;
}

export interface BriefInput {
  firm: string;
  taskName: string;
  taskDescription: string;
  process: string;
  version: ProcedureVersion;
  deliverableUnit: string;
  unitsPerOccurrence: number;
  marketPricePerUnit: Money | null;
  confidentiality: Confidentiality;
  forms: { name: string; version: FormVersion }[];
  generatedAt: string;
}

const norm = (s: string) => s.trim().toLowerCase();

function whoOf(step: Step, firm: string): string {
  switch (step.performer.kind) {
    case 'outtasker':
      return step.performer.name ? `You (${step.performer.name})` : 'You (out-tasker)';
    case 'automation':
      return `Automation${step.performer.name ? `: ${step.performer.name}` : ''}`;
    case 'role':
      return `${firm}: ${step.performer.name || step.performer.ref || PERFORMER_KIND_LABELS.role}`;
    default:
      return `${firm}: ${step.performer.name || 'a member of the firm'}`;
  }
}

/**
 * What crosses the boundary around the steps `ours` marks: the inputs their earlier steps do not
 * make (with the step that makes them, the latest before), and the outputs that a later step outside
 * uses (with the first such step) or that nothing later uses. With every step ours, that is the
 * procedure's own inputs and end results.
 */
export function handovers(
  steps: readonly Pick<Step, 'inputs' | 'outputs'>[],
  ours: (index: number) => boolean,
  party: (index: number) => string,
): { inputs: BriefHandover[]; deliverables: BriefHandover[] } {
  const inputs: BriefHandover[] = [];
  const deliverables: BriefHandover[] = [];
  const add = (list: BriefHandover[], h: BriefHandover) => {
    if (!list.some((x) => norm(x.item) === norm(h.item))) list.push(h);
  };
  steps.forEach((s, i) => {
    if (!ours(i)) return;
    for (const item of s.inputs) {
      let maker = -1;
      for (let j = i - 1; j >= 0; j--) {
        if (steps[j]!.outputs.some((o) => norm(o) === norm(item))) {
          maker = j;
          break;
        }
      }
      if (maker >= 0 && ours(maker)) continue;
      add(inputs, { item, party: maker >= 0 ? party(maker) : null });
    }
    for (const item of s.outputs) {
      const users: number[] = [];
      for (let k = i + 1; k < steps.length; k++) {
        if (steps[k]!.inputs.some((x) => norm(x) === norm(item))) users.push(k);
      }
      const outside = users.find((k) => !ours(k));
      if (users.length === 0 || outside !== undefined) {
        add(deliverables, { item, party: outside !== undefined ? party(outside) : null });
      }
    }
  });
  return { inputs, deliverables };
}

export function buildBrief(input: BriefInput): Brief {
  const kept = input.version.steps.filter((s) => !s.waste);
  const outtasked = kept.some((s) => s.performer.kind === 'outtasker');
  const { inputs, deliverables } = handovers(
    kept,
    (i) => !outtasked || kept[i]!.performer.kind === 'outtasker',
    (i) => `step ${i + 1} (${whoOf(kept[i]!, input.firm)})`,
  );
  const steps: BriefStep[] = kept.map((s, i) => ({
    number: i + 1,
    name: s.name,
    description: s.description,
    kind: s.performer.kind,
    who: whoOf(s, input.firm),
    tool: s.tool,
    minutes: s.minutes,
    inputs: s.inputs,
    outputs: s.outputs,
    acceptanceCriteria: s.acceptanceCriteria,
  }));
  return {
    firm: input.firm,
    title: input.taskName,
    process: input.process,
    version: {
      number: input.version.number,
      status: input.version.status,
      approvedAt: input.version.approvedAt,
    },
    purpose: input.version.purpose.trim() || input.taskDescription.trim(),
    inputs,
    deliverables,
    deliverable: {
      unit: input.deliverableUnit,
      unitsPerOccurrence: input.unitsPerOccurrence,
      pricePerUnit: input.marketPricePerUnit ? formatMoney(input.marketPricePerUnit) : null,
    },
    turnaroundHours: input.version.turnaroundHours,
    confidentiality: input.confidentiality,
    steps,
    minutes: {
      total: kept.reduce((a, s) => a + s.minutes, 0),
      outtasker: kept.filter((s) => s.performer.kind === 'outtasker').reduce((a, s) => a + s.minutes, 0),
    },
    forms: input.forms.map((f) => ({
      name: f.name,
      title: f.version.title,
      version: f.version.number,
      questions: f.version.questions,
    })),
    wasteLeftOut: input.version.steps.length - kept.length,
    generatedAt: input.generatedAt,
  };
}

/** "Storyline, from step 4 (Larkspur Advisory: Elena Marchetti)"; the item alone when no step is named. */
export function handoverText(h: BriefHandover, direction: 'from' | 'to'): string {
  return h.party ? `${h.item}, ${direction} ${h.party}` : h.item;
}

/** "40 slides", "1 slide", "60 audio minutes". */
export function unitsText(n: number, unit: string): string {
  const plural = n === 1 || /s$/i.test(unit) ? unit : `${unit}s`;
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${plural}`;
}

export function fmtDuration(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function turnaroundText(hours: number): string {
  if (hours <= 0) return 'Same session: the work is done live.';
  if (hours < 48) return `Within ${hours} hours of receiving the inputs.`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `Within ${days} days (${hours} hours) of receiving the inputs.`;
}

export const CONFIDENTIALITY_NOTES: Record<Confidentiality, string> = {
  public: 'The material is public; no special handling is needed.',
  internal:
    'The material is internal to the firm: do not share it outside this engagement and delete your copies after delivery.',
  confidential:
    'The material is confidential client information: keep it on the shared folder, never on personal devices or other services, and delete all copies after acceptance.',
  restricted:
    'The material is restricted: work only inside the firm’s environment you are given access to; do not download, copy or forward anything.',
};

/** "v2 approved 3 Mar 2026" / "v3 draft (not approved)". */
export function versionText(v: Brief['version']): string {
  if (v.status === 'approved' && v.approvedAt) {
    return `Version ${v.number}, approved ${v.approvedAt.slice(0, 10)}`;
  }
  return `Version ${v.number}, DRAFT (not approved yet)`;
}
