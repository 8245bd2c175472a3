/**
 * The small firm the use-case tests of steps 2–4 share: two members with known rates (Elena $420/h,
 * Aiko $80/h) and one task ("Build the summary deck", done 8 times a year by Elena), over the whole
 * app on a fresh database with a fixed clock and sequential ids, so figures can be checked by hand.
 */
import { freshDb, type testDialects } from '../../../test/helpers/db.ts';
import { type AppServices, openApp } from '../../main.ts';
import { fixedClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { sequentialIds } from '../../platform/ids.ts';
import type { VariantStep } from '../procedures.ts';
import type { ProceduresActor } from './context.ts';

export const usd = (dollars: number) => ({ amountMinor: dollars * 100, currency: 'USD' });

export async function larkspur(dialect: (typeof testDialects)[number]) {
  const db = await freshDb(dialect);
  const app: AppServices = await openApp(loadConfig({ OUTTASK_DATA_DIR: '/tmp/outtask-test-unused' }), {
    db,
    clock: fixedClock('2026-03-02T09:00:00Z'),
    newId: sequentialIds('id'),
  });
  const workspace = await app.accounts.createWorkspace({ name: 'Larkspur', currency: 'USD' });
  const actor: ProceduresActor = { workspace, userId: null };
  await app.inventory.insertAll(actor, {
    members: [
      {
        id: 'm-elena',
        name: 'Elena',
        email: null,
        title: 'Founder',
        role: 'founder',
        hourlyCost: usd(420),
        yearlyCapacityHours: 2000,
      },
      {
        id: 'm-aiko',
        name: 'Aiko',
        email: null,
        title: 'Analyst',
        role: 'analyst',
        hourlyCost: usd(80),
        yearlyCapacityHours: 1800,
      },
    ],
    processes: [{ id: 'p1', name: 'Interviews', description: '' }],
    tasks: [
      {
        id: 't-deck',
        processId: 'p1',
        name: 'Build the summary deck',
        description: 'The deck of what the executives said.',
        performerId: 'm-elena',
        frequency: { kind: 'per_project', perProject: 1, projectsPerYear: 8 },
        minutesPerOccurrence: 1800,
        skillLevel: 'intermediate',
        confidentiality: 'confidential',
        needsClientContact: false,
        knownVariants: 13,
        deliverableUnit: 'slide',
        unitsPerOccurrence: 40,
        marketPricePerUnit: usd(11),
        turnaroundHours: 24,
        reviewMinutesPerOccurrence: 180,
      },
    ],
  });
  return { app, actor, p: app.procedures };
}

/** The code of the AppError a call fails with ('no error' when it succeeds). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

export const vs = (name: string, minutes: number, outputs: string[] = []): VariantStep => ({
  name,
  minutes,
  tool: '',
  inputs: [],
  outputs,
});

export const elena = { kind: 'member', ref: 'm-elena', name: '' } as const;
