import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Work orders (src/workorders), migration 0012: what the firm sends an out-tasker under a contract — the terms copied
// from the contract when the order is made (unit, price, SLA, acceptance checklist), the brief (the
// procedure's export), the units expected, the state (workorder.ts's machine) with the times that
// matter to the SLA and billing. Every move is a row of work_order_events, numbered per order: a
// unique (order, seq) makes two racing moves from one state commit only once. Files (materials and
// delivered files) are blobs held by references; work_order_files keeps what the app shows of them.
// Deliveries carry the counted units and, once reviewed, the ticked checklist and the outcome.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // WO-<number>, per workspace.
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('outtasker_id', 'text', (c) => c.notNull().references('outtaskers.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('brief_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('brief_file_name', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('units_expected', 'integer', (c) => c.notNull().check(sql`units_expected >= 0`))
    .addColumn('sla_hours', 'double precision', (c) => c.notNull().check(sql`sla_hours > 0`))
    .addColumn('sla_calendar', 'text', (c) =>
      c.notNull().check(sql`sla_calendar in ('calendar', 'weekdays')`),
    )
    .addColumn('sla_time_zone', 'text', (c) => c.notNull())
    .addColumn('auto_approve_days', 'integer', (c) =>
      c.notNull().check(sql`auto_approve_days between 3 and 14`),
    )
    // ["Every interview has a slide", …]
    .addColumn('acceptance_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('draft', 'sent', 'accepted', 'delivered', 'changes_requested', 'approved', 'invoiced', 'cancelled')`,
        ),
    )
    .addColumn('due_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('first_delivered_at', 'text')
    .addColumn('last_delivered_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('invoiced_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('revision_rounds', 'integer', (c) => c.notNull().defaultTo(0))
    // Units billed: the approved delivery's counted units (or as the reviewer corrected them).
    .addColumn('approved_units', 'integer')
    .addColumn('quality_rating', 'integer', (c) => c.check(sql`quality_rating between 1 and 5`))
    .addColumn('timeliness_rating', 'integer', (c) => c.check(sql`timeliness_rating between 1 and 5`))
    // The number of the last event (work_order_events.seq).
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('work_orders_number_uq', ['workspace_id', 'number'])
    .execute();
  await db.schema
    .createIndex('work_orders_state_idx')
    .on('work_orders')
    .columns(['workspace_id', 'state', 'due_at'])
    .execute();
  await db.schema.createIndex('work_orders_outtasker_idx').on('work_orders').column('outtasker_id').execute();
  await db.schema.createIndex('work_orders_contract_idx').on('work_orders').column('contract_id').execute();

  await db.schema
    .createTable('work_order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().check(sql`actor in ('firm', 'outtasker', 'system')`))
    .addColumn('user_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('work_order_events_seq_uq', ['work_order_id', 'seq'])
    .execute();

  await db.schema
    .createTable('work_order_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // Counted from the delivered file (slides of a PPTX, pages of a DOCX or PDF); null when no file counts.
    .addColumn('units', 'integer')
    .addColumn('units_unit', 'text')
    .addColumn('units_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hidden_slides_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('delivered_by', 'text')
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    // approved | changes_requested | auto_approved; null while waiting for review.
    .addColumn('outcome', 'text')
    // [{ item, checked }]
    .addColumn('checklist_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addUniqueConstraint('work_order_deliveries_round_uq', ['work_order_id', 'round'])
    .execute();

  await db.schema
    .createTable('work_order_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id').onDelete('cascade'))
    .addColumn('delivery_id', 'text', (c) => c.references('work_order_deliveries.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('material', 'delivery')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_order_files_order_idx')
    .on('work_order_files')
    .column('work_order_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['work_order_files', 'work_order_deliveries', 'work_order_events', 'work_orders'])
    await db.schema.dropTable(t).ifExists().execute();
}
