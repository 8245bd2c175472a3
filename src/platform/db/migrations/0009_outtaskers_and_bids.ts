import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Step 6 (src/outtaskers): out-taskers (one record across marketplaces) and their portal invitations,
// bids on a task's job post, contracts (what an award creates; work orders build on them) and the
// firm's dated exchange rates. A bid names its task and, once posts exist, its post (post_id, no
// foreign key here: the posts table is another migration's); `award_key` is the scope awarded once
// (the post, or the task for bids taken without a post), and a unique contract per award_key is what
// makes an award happen exactly once, on both dialects, however many requests race.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outtaskers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    // [{ marketplace, url, handle? }]: the same person on Upwork, Freelancer.com, …
    .addColumn('profiles_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // [{ unit, amountMinor, kind: per_unit|hourly|fixed }] in `currency`: what they ask, as noted by the firm.
    .addColumn('rates_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('nda_signed_on', 'text') // yyyy-mm-dd
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('prospect', 'active', 'paused', 'blocked')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    // The portal account, once the invitation was accepted.
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('outtaskers_ws_email_uq', ['workspace_id', 'email'])
    .addUniqueConstraint('outtaskers_ws_user_uq', ['workspace_id', 'user_id'])
    .execute();

  // One-time portal links: only the sha256 of the token is kept; used once, before it expires.
  await db.schema
    .createTable('outtasker_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('outtasker_id', 'text', (c) => c.notNull().references('outtaskers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outtasker_invitations_outtasker_idx')
    .on('outtasker_invitations')
    .column('outtasker_id')
    .execute();

  await db.schema
    .createTable('bids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('post_id', 'text')
    .addColumn('award_key', 'text', (c) => c.notNull())
    .addColumn('outtasker_id', 'text', (c) => c.notNull().references('outtaskers.id').onDelete('cascade'))
    // Where the bid came from: upwork, freelancer, peopleperhour, truelancer, generic, portal, direct.
    .addColumn('marketplace', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('manual', 'paste', 'csv', 'connector', 'portal')`),
    )
    // The marketplace's own id of the bid (a proposal id): a re-import does not double it.
    .addColumn('external_id', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('turnaround_hours', 'double precision', (c) => c.notNull().check(sql`turnaround_hours > 0`))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'awarded', 'declined', 'withdrawn')`),
    )
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bids_external_uq', ['workspace_id', 'marketplace', 'external_id'])
    .execute();
  await db.schema
    .createIndex('bids_award_key_idx')
    .on('bids')
    .columns(['workspace_id', 'award_key'])
    .execute();
  await db.schema.createIndex('bids_outtasker_idx').on('bids').column('outtasker_id').execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('post_id', 'text')
    .addColumn('award_key', 'text', (c) => c.notNull())
    .addColumn('bid_id', 'text', (c) => c.notNull().unique().references('bids.id').onDelete('cascade'))
    .addColumn('outtasker_id', 'text', (c) => c.notNull().references('outtaskers.id').onDelete('cascade'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('sla_hours', 'double precision', (c) => c.notNull().check(sql`sla_hours > 0`))
    // ["Every interview has a slide", …]: the checklist a delivery is reviewed against.
    .addColumn('acceptance_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // No fixed commitment: paused or ended at any time.
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'paused', 'ended')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('contracts_award_uq', ['workspace_id', 'award_key'])
    .execute();
  await db.schema.createIndex('contracts_outtasker_idx').on('contracts').column('outtasker_id').execute();
  await db.schema.createIndex('contracts_task_idx').on('contracts').column('task_id').execute();

  // Exchange rates entered by the firm: 1 `currency` = `rate` `base_currency` from `effective_on`.
  await db.schema
    .createTable('fx_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('rate', 'double precision', (c) => c.notNull().check(sql`rate > 0`))
    .addColumn('effective_on', 'text', (c) => c.notNull()) // yyyy-mm-dd
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fx_rates_uq', ['workspace_id', 'currency', 'base_currency', 'effective_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['fx_rates', 'contracts', 'bids', 'outtasker_invitations', 'outtaskers'])
    await db.schema.dropTable(t).ifExists().execute();
}
