import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Who may see a call for bids (src/outtaskers): all of the firm's portal out-taskers, or only those it
// invites. Calls opened before this keep 'all', as they were shown.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('bid_calls')
    .addColumn('audience', 'text', (c) =>
      c.notNull().defaultTo('all').check(sql`audience in ('all', 'invited')`),
    )
    .execute();
  await db.schema
    .createTable('bid_call_invitees')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('bid_calls.id').onDelete('cascade'))
    .addColumn('outtasker_id', 'text', (c) => c.notNull().references('outtaskers.id').onDelete('cascade'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addPrimaryKeyConstraint('bid_call_invitees_pk', ['call_id', 'outtasker_id'])
    .execute();
  await db.schema
    .createIndex('bid_call_invitees_outtasker_idx')
    .on('bid_call_invitees')
    .columns(['workspace_id', 'outtasker_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bid_call_invitees').ifExists().execute();
  await db.schema.alterTable('bid_calls').dropColumn('audience').execute();
}
