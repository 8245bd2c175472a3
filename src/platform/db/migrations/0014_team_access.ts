import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// The team screen (issue 11, item 4): a member who left keeps their row (past figures still use their
// cost) with the day they left; invitations to the firm's own people (owner or staff) are one-time links
// whose sha256 alone is stored, revocable, replaced by a newer one for the same email, used once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('left_on', 'text').execute();
  await db.schema
    .createTable('workspace_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'staff')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('workspace_invitations_email_idx')
    .on('workspace_invitations')
    .columns(['workspace_id', 'email'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_invitations').ifExists().execute();
  await db.schema.alterTable('members').dropColumn('left_on').execute();
}
