/**
 * Every migration, by name, in order. A migration file is immutable once landed: to change the
 * schema, add a new file and list it here.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_accounts_and_inventory.ts';
import * as m0002 from './0002_procedures.ts';
import * as m0003 from './0003_workspace_revision.ts';
import * as m0004 from './0004_jobs.ts';
import * as m0005 from './0005_blobs.ts';
import * as m0006 from './0006_import_mapping.ts';
import * as m0007 from './0007_row_versions.ts';
import * as m0008 from './0008_pipelines.ts';
import * as m0009 from './0009_outtaskers_and_bids.ts';
import * as m0010 from './0010_job_posts.ts';
import * as m0011 from './0011_syntheses.ts';
import * as m0012 from './0012_work_orders.ts';
import * as m0013 from './0013_bid_calls.ts';
import * as m0014 from './0014_team_access.ts';
import * as m0015 from './0015_bid_call_audience.ts';

export const migrations: Record<string, Migration> = {
  '0001_accounts_and_inventory': m0001,
  '0002_procedures': m0002,
  '0003_workspace_revision': m0003,
  '0004_jobs': m0004,
  '0005_blobs': m0005,
  '0006_import_mapping': m0006,
  '0007_row_versions': m0007,
  '0008_pipelines': m0008,
  '0009_outtaskers_and_bids': m0009,
  '0010_job_posts': m0010,
  '0011_syntheses': m0011,
  '0012_work_orders': m0012,
  '0013_bid_calls': m0013,
  '0014_team_access': m0014,
  '0015_bid_call_audience': m0015,
};
