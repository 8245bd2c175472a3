/**
 * The out-taskability score, 0–100: a weighted sum of seven factors, each scored 0–1.
 * The weights and curves are documented in docs/economics.md; change them there and here together.
 */
import type { Confidentiality, SkillLevel, Task } from '../inventory.ts';
import { fmtHours, fmtNumber, fmtPercent } from './format.ts';
import type { TaskEconomics } from './task-economics.ts';

export const SCORE_FACTOR_KEYS = [
  'volume',
  'standardization',
  'confidentiality',
  'clientContact',
  'skill',
  'turnaround',
  'costGap',
] as const;
export type ScoreFactorKey = (typeof SCORE_FACTOR_KEYS)[number];

/** Points each factor can give; they add up to 100. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreFactorKey, number>> = Object.freeze({
  volume: 15,
  standardization: 10,
  confidentiality: 15,
  clientContact: 15,
  skill: 15,
  turnaround: 10,
  costGap: 20,
});

export const SCORE_FACTOR_LABELS: Readonly<Record<ScoreFactorKey, string>> = Object.freeze({
  volume: 'Volume',
  standardization: 'Standardization',
  confidentiality: 'Confidentiality',
  clientContact: 'Client contact',
  skill: 'Skill level',
  turnaround: 'Turnaround tolerance',
  costGap: 'Cost gap',
});

/** Annual in-house hours at which the volume sub-score reaches one half. */
export const VOLUME_HALF_HOURS = 40;
/** Turnaround hours at which the turnaround sub-score reaches one half. */
export const TURNAROUND_HALF_HOURS = 12;
/** Known variants at which the standardization sub-score reaches one half. */
export const VARIANTS_HALF = 5;

export const CONFIDENTIALITY_SUBSCORES: Readonly<Record<Confidentiality, number>> = Object.freeze({
  public: 1,
  internal: 0.8,
  confidential: 0.5,
  restricted: 0.1,
});

export const SKILL_SUBSCORES: Readonly<Record<SkillLevel, number>> = Object.freeze({
  basic: 1,
  intermediate: 0.75,
  advanced: 0.35,
  expert: 0,
});

/**
 * Ceilings for tasks an outsider should rarely touch, however attractive the rest: the score is
 * the sum of the points, capped by the strictest ceiling that applies.
 */
export const SCORE_CAPS = Object.freeze({
  restricted: 35,
  expert: 35,
  clientContact: 50,
});

export interface ScoreCap {
  limit: number;
  reason: string;
}

/** The strictest ceiling for these inputs, or null when none applies. */
export function scoreCap(
  inputs: Pick<ScoreInputs, 'confidentiality' | 'skillLevel' | 'needsClientContact'>,
): ScoreCap | null {
  const caps: ScoreCap[] = [];
  if (inputs.confidentiality === 'restricted') {
    caps.push({ limit: SCORE_CAPS.restricted, reason: 'restricted material should rarely leave the firm' });
  }
  if (inputs.skillLevel === 'expert') {
    caps.push({ limit: SCORE_CAPS.expert, reason: "it takes the firm's own expert judgment" });
  }
  if (inputs.needsClientContact) {
    caps.push({
      limit: SCORE_CAPS.clientContact,
      reason: "the client expects to deal with the firm's own people",
    });
  }
  return caps.reduce<ScoreCap | null>((best, c) => (best === null || c.limit < best.limit ? c : best), null);
}

/** Everything the score looks at, so it can be computed (and tested) without a task. */
export interface ScoreInputs {
  annualHours: number;
  knownVariants: number;
  confidentiality: Confidentiality;
  needsClientContact: boolean;
  skillLevel: SkillLevel;
  turnaroundHours: number;
  /** Saving as a share of the in-house cost; null when there is no saving to compute. */
  savingShare: number | null;
}

export interface ScoreFactor {
  key: ScoreFactorKey;
  label: string;
  /** The task's value for this factor, as stored. */
  value: number | string | boolean | null;
  subScore: number;
  weight: number;
  /** subScore × weight, rounded to 0.1. */
  points: number;
  /** This factor's part of the final score (0–1). */
  shareOfScore: number;
  sentence: string;
}

export interface OutTaskabilityScore {
  /** 0–100: the sum of the factors' points, capped by `cap` when one applies, rounded. */
  score: number;
  /** Σ points before any cap. */
  pointsTotal: number;
  cap: ScoreCap | null;
  factors: ScoreFactor[];
  explanation: string;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function volumeSubScore(annualHours: number): number {
  const h = Math.max(0, annualHours);
  return h / (h + VOLUME_HALF_HOURS);
}

export function standardisationSubScore(knownVariants: number): number {
  const v = Math.max(1, knownVariants);
  return (VARIANTS_HALF - 1) / (v + VARIANTS_HALF - 2);
}

export function turnaroundSubScore(turnaroundHours: number): number {
  const t = Math.max(0, turnaroundHours);
  return t / (t + TURNAROUND_HALF_HOURS);
}

export function costGapSubScore(savingShare: number | null): number {
  if (savingShare === null || !Number.isFinite(savingShare)) return 0;
  return Math.min(1, Math.max(0, savingShare));
}

function volumeSentence(hours: number, sub: number): string {
  if (hours <= 0) return 'No in-house time a year, so nothing to gain';
  const h = `${fmtHours(hours)} a year in-house`;
  if (sub >= 0.75) return `${h}: a big block of time to hand out`;
  if (sub >= 0.4) return `${h}: a fair amount of time to hand out`;
  return `${h}: little time, so the gain is small`;
}

function variantsSentence(v: number): string {
  if (v <= 1) return 'Done one way already: ready to write down for an outsider';
  if (v <= 3) return `${fmtNumber(v)} known ways of doing it: close to one standard`;
  return `${fmtNumber(v)} known ways of doing it: agree on one standard before handing it out`;
}

const CONFIDENTIALITY_SENTENCES: Record<Confidentiality, string> = {
  public: 'Public material: nothing to protect',
  internal: 'Internal material: a non-disclosure agreement covers it',
  confidential: 'Confidential client material: redact names and share only what the task needs',
  restricted: 'Restricted material: it should rarely leave the firm',
};

const SKILL_SENTENCES: Record<SkillLevel, string> = {
  basic: 'Basic skill: plenty of marketplace talent can do it',
  intermediate: 'Intermediate skill: a junior-level freelancer can do it',
  advanced: 'Advanced skill: few freelancers can, and review takes longer',
  expert: "Expert judgment: the firm's own expertise is what the client pays for",
};

function turnaroundSentence(t: number): string {
  if (t <= 0) return 'Needed at once: no time to hand it to anyone';
  const h = `${fmtHours(t)} turnaround tolerated`;
  if (t < 8) return `${h}: tight for someone found on a marketplace`;
  if (t < 48) return `${h}: enough for an out-tasker working overnight`;
  return `${h}: ample time for an out-tasker`;
}

function costGapSentence(share: number | null): string {
  if (share === null) return 'No saving computed: no market price or no in-house cost';
  if (share <= 0) return 'Out-tasking would cost as much as or more than doing it in-house';
  return `Out-tasking saves ${fmtPercent(share)} of the in-house cost`;
}

/** The score from its inputs. Pure; the same inputs always give the same score. */
export function scoreFromInputs(inputs: ScoreInputs): OutTaskabilityScore {
  const raw: Array<{ key: ScoreFactorKey; value: ScoreFactor['value']; sub: number; text: string }> = [
    {
      key: 'volume',
      value: round(inputs.annualHours, 2),
      sub: volumeSubScore(inputs.annualHours),
      text: volumeSentence(inputs.annualHours, volumeSubScore(inputs.annualHours)),
    },
    {
      key: 'standardization',
      value: inputs.knownVariants,
      sub: standardisationSubScore(inputs.knownVariants),
      text: variantsSentence(inputs.knownVariants),
    },
    {
      key: 'confidentiality',
      value: inputs.confidentiality,
      sub: CONFIDENTIALITY_SUBSCORES[inputs.confidentiality],
      text: CONFIDENTIALITY_SENTENCES[inputs.confidentiality],
    },
    {
      key: 'clientContact',
      value: inputs.needsClientContact,
      sub: inputs.needsClientContact ? 0 : 1,
      text: inputs.needsClientContact
        ? "Needs client contact: the client expects the firm's own people"
        : 'No client contact: an outsider can do it out of sight',
    },
    {
      key: 'skill',
      value: inputs.skillLevel,
      sub: SKILL_SUBSCORES[inputs.skillLevel],
      text: SKILL_SENTENCES[inputs.skillLevel],
    },
    {
      key: 'turnaround',
      value: inputs.turnaroundHours,
      sub: turnaroundSubScore(inputs.turnaroundHours),
      text: turnaroundSentence(inputs.turnaroundHours),
    },
    {
      key: 'costGap',
      value: inputs.savingShare === null ? null : round(inputs.savingShare, 4),
      sub: costGapSubScore(inputs.savingShare),
      text: costGapSentence(inputs.savingShare),
    },
  ];
  const total = raw.reduce((acc, f) => acc + f.sub * SCORE_WEIGHTS[f.key], 0);
  const factors: ScoreFactor[] = raw.map((f) => {
    const weight = SCORE_WEIGHTS[f.key];
    const points = f.sub * weight;
    return {
      key: f.key,
      label: SCORE_FACTOR_LABELS[f.key],
      value: f.value,
      subScore: round(f.sub, 3),
      weight,
      points: round(points, 1),
      shareOfScore: total > 0 ? round(points / total, 3) : 0,
      sentence: `${f.text} (${fmtNumber(f.sub, 2)} × ${weight} = ${fmtNumber(points, 1)} points).`,
    };
  });
  const cap = scoreCap(inputs);
  const capped = cap !== null && total > cap.limit;
  const score = Math.round(capped ? cap.limit : total);
  const sumText = factors.map((f) => `${f.label.toLowerCase()} ${fmtNumber(f.points, 1)}`).join(' + ');
  return {
    score,
    pointsTotal: round(total, 1),
    cap: capped ? cap : null,
    factors,
    explanation: capped
      ? `Out-taskability ${score}/100: the points add up to ${fmtNumber(total, 1)} (${sumText}), ` +
        `capped at ${cap.limit} because ${cap.reason}.`
      : `Out-taskability ${score}/100 = ${sumText}.`,
  };
}

/** The score of a task, given its economics (for the annual hours and the cost gap). */
export function outTaskabilityScore(task: Task, economics: TaskEconomics): OutTaskabilityScore {
  return scoreFromInputs({
    annualHours: economics.inHouse.annualHours,
    knownVariants: task.knownVariants,
    confidentiality: task.confidentiality,
    needsClientContact: task.needsClientContact,
    skillLevel: task.skillLevel,
    turnaroundHours: task.turnaroundHours,
    savingShare: economics.savingShare,
  });
}
