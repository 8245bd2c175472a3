/** Kysely query of measured time: the time entries of each task and person, costed. Rows in, domain out. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Measurement } from './inventory.ts';

type K = Kysely<Database>;

export const measurementsStore = {
  /** Measured time per task and person, costed at the export's rate where it had one, else the member's. */
  async measurements(db: K, ws: string, taskId?: string): Promise<Map<string, Measurement[]>> {
    let q = db
      .selectFrom('time_entries as e')
      .leftJoin('members as m', 'm.id', 'e.member_id')
      .select((eb) => [
        'e.task_id',
        'e.member_id',
        'e.person_name',
        eb.fn.sum<number>('e.minutes').as('minutes'),
        eb.fn.countAll<number>().as('entries'),
        // minutes × rate / 60, summed; rounded once per person at the end (money stays exact per entry group).
        eb.fn
          .sum<number>(
            eb('e.minutes', '*', eb.fn.coalesce('e.cost_rate_minor', 'm.hourly_cost_minor', eb.lit(0))),
          )
          .as('rate_minutes'),
        eb.fn.max('e.currency').as('entry_currency'),
        eb.fn.max('m.currency').as('member_currency'),
        eb.fn.min('e.entry_date').as('first_date'),
        eb.fn.max('e.entry_date').as('last_date'),
      ])
      .where('e.workspace_id', '=', ws)
      .groupBy(['e.task_id', 'e.member_id', 'e.person_name'])
      .orderBy('e.task_id')
      .orderBy('e.person_name');
    if (taskId) q = q.where('e.task_id', '=', taskId);
    let pq = db
      .selectFrom('import_batch_tasks as bt')
      .innerJoin('import_batches as b', 'b.id', 'bt.import_id')
      .select((eb) => [
        'bt.task_id',
        eb.fn.min('b.period_from').as('period_from'),
        eb.fn.max('b.period_to').as('period_to'),
      ])
      .where('b.workspace_id', '=', ws)
      .where('b.undone_at', 'is', null)
      .where('b.period_from', 'is not', null)
      .groupBy('bt.task_id');
    if (taskId) pq = pq.where('bt.task_id', '=', taskId);
    const [rows, periodRows] = await Promise.all([q.execute(), pq.execute()]);
    const periods = new Map(
      periodRows.map((r) => [r.task_id, { from: String(r.period_from), to: String(r.period_to) }]),
    );
    const out = new Map<string, Measurement[]>();
    for (const r of rows) {
      const list = out.get(r.task_id) ?? [];
      list.push({
        memberId: r.member_id,
        memberName: r.person_name,
        minutes: Number(r.minutes),
        entries: Number(r.entries),
        cost: {
          amountMinor: Math.round(Number(r.rate_minutes) / 60),
          currency: (r.entry_currency as string | null) ?? (r.member_currency as string | null) ?? 'USD',
        },
        firstDate: String(r.first_date),
        lastDate: String(r.last_date),
        period: periods.get(r.task_id) ?? null,
      });
      out.set(r.task_id, list);
    }
    return out;
  },
};
