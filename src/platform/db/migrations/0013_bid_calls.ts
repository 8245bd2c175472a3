import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Calls for bids (src/outtaskers): the firm opens bidding on a task (or its post) to the out-taskers
// of its portal, with what they need to price it (the unit, the SLA, a short brief). One call per award
// scope (award_key, as in bids and contracts); the award closes it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bid_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('post_id', 'text')
    .addColumn('award_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('brief', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('units_per_year', 'double precision', (c) => c.notNull())
    .addColumn('sla_hours', 'double precision', (c) => c.notNull().check(sql`sla_hours > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addUniqueConstraint('bid_calls_award_uq', ['workspace_id', 'award_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bid_calls').ifExists().execute();
}
