/** The short shapes the lists and overviews answer with, and the file names the downloads get. */
import { slug } from '../../platform/slug.ts';
import { minutesAfter, minutesTotal, type ProcedureVersion } from '../procedures.ts';

export interface VersionSummary {
  id: string;
  number: number;
  status: ProcedureVersion['status'];
  stepCount: number;
  wasteSteps: number;
  minutes: number;
  minutesAfterWaste: number;
  changeNote: string;
  createdAt: string;
  approvedAt: string | null;
}

export function summarize(v: ProcedureVersion): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    stepCount: v.steps.length,
    wasteSteps: v.steps.filter((s) => s.waste).length,
    minutes: minutesTotal(v.steps),
    minutesAfterWaste: minutesAfter(v.steps),
    changeNote: v.changeNote,
    createdAt: v.createdAt,
    approvedAt: v.approvedAt,
  };
}

/** A task's or form's name as the start of a download's file name. */
export function fileSlug(text: string): string {
  return slug(text, { max: 60, fallback: 'procedure' });
}
