/**
 * Table types for Kysely. Conventions that keep SQLite and PostgreSQL identical:
 * ids are text (UUIDv7), timestamps ISO-8601 UTC text, dates yyyy-mm-dd text,
 * booleans integer 0/1, money integer minor units (bigint in PostgreSQL, parsed to number),
 * JSON as text.
 *
 * Kept in one file: the one table model Kysely types every query with, as the migrations make it; read
 * whole, it is the database's map, and one file keeps a table from being declared twice.
 */
import type { Generated } from 'kysely';

export interface WorkspaceTable {
  id: string;
  name: string;
  slug: string;
  currency: string;
  settings_json: string;
  created_at: string;
  /** Bumped by every write to the workspace's inventory or settings (cache key of derived figures). */
  /** Bumped by every change of settings_json; the ETag of the settings. */
  settings_version: Generated<number>;
  revision: Generated<number>;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  workspace_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface MemberTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  title: string;
  role: string;
  hourly_cost_minor: number;
  currency: string;
  yearly_capacity_hours: number;
  /** The day they left the firm (ISO yyyy-mm-dd); null while they are with it. */
  left_on: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface ProcessTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  position: number;
  created_at: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface TaskTable {
  id: string;
  workspace_id: string;
  process_id: string;
  name: string;
  description: string;
  performer_id: string | null;
  frequency_kind: string;
  occurrences_per_year: number | null;
  per_project: number | null;
  projects_per_year: number | null;
  minutes_per_occurrence: number;
  skill_level: string;
  confidentiality: string;
  needs_client_contact: number;
  known_variants: number;
  deliverable_unit: string;
  units_per_occurrence: number;
  market_price_minor: number | null;
  market_currency: string | null;
  turnaround_hours: number;
  review_minutes: number | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface ImportBatchTable {
  id: string;
  workspace_id: string;
  file_name: string;
  fingerprint: string;
  format: string;
  row_count: number;
  imported_count: number;
  skipped_count: number;
  error_count: number;
  created_by: string | null;
  created_at: string;
  period_from: string | null;
  period_to: string | null;
  undo_json: Generated<string>;
  undone_at: string | null;
}

export interface ImportBatchTaskTable {
  import_id: string;
  task_id: string;
}

export interface ImportMappingTable {
  workspace_id: string;
  tracker: string;
  activity_key: string;
  action: string;
  task_id: string | null;
  updated_at: string;
}

export interface TimeEntryTable {
  workspace_id: string;
  task_id: string;
  member_id: string | null;
  person_name: string;
  entry_date: string;
  minutes: number;
  cost_rate_minor: number | null;
  currency: string | null;
  project: string;
  client: string;
  description: string;
  billable: number;
  fingerprint: string;
  import_id: string;
}

export interface AuditTable {
  id: string;
  workspace_id: string;
  user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details_json: string;
  at: string;
}

export interface JobTable {
  id: string;
  workspace_id: string | null;
  kind: string;
  version: number;
  payload_json: string;
  status: string;
  priority: Generated<number>;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  idempotency_key: string | null;
  repeat_every_seconds: number | null;
  cancel_requested: Generated<number>;
  progress_json: string | null;
  last_error: string | null;
  result_json: string | null;
  lease_token: string | null;
  locked_by: string | null;
  locked_until: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobStepTable {
  job_id: string;
  key: string;
  result_json: string;
  created_at: string;
}

/** A stored file's bytes, by content (src/platform/blobs). */
export interface BlobTable {
  sha256: string;
  size_bytes: number;
  created_at: string;
  touched_at: string;
}

/** Who holds a stored file, under which name. */
export interface BlobRefTable {
  id: string;
  workspace_id: string;
  sha256: string;
  owner_kind: string;
  owner_id: string;
  name: string;
  media_type: string | null;
  created_at: string;
}

export interface MigrationMetaTable {
  name: string;
  timestamp: string;
}

// Steps 2–4 (src/procedures): variants, standard procedures, versions, steps, forms.

export interface ProcedureVariantTable {
  id: string;
  workspace_id: string;
  task_id: string;
  member_id: string | null;
  person_name: string;
  label: string;
  notes: string;
  steps_json: string;
  status: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface ProcedureTable {
  id: string;
  workspace_id: string;
  task_id: string;
  created_at: string;
  updated_at: string;
}

export interface ProcedureVersionTable {
  id: string;
  workspace_id: string;
  procedure_id: string;
  number: number;
  status: string;
  purpose: string;
  turnaround_hours: number;
  change_note: string;
  source_variant_ids_json: string;
  based_on_version_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface ProcedureStepTable {
  id: string;
  workspace_id: string;
  version_id: string;
  step_key: string;
  position: number;
  name: string;
  description: string;
  performer_kind: string;
  performer_ref: string | null;
  performer_name: string;
  inputs_json: string;
  outputs_json: string;
  tool: string;
  minutes: number;
  acceptance_json: string;
  waste_reason: string | null;
  merged_from_json: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface FormTable {
  id: string;
  workspace_id: string;
  name: string;
  procedure_id: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the row; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
}

export interface FormVersionTable {
  id: string;
  workspace_id: string;
  form_id: string;
  number: number;
  title: string;
  questions_json: string;
  source_file: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PipelineTable {
  id: string;
  workspace_id: string;
  task_id: string;
  name: string;
  form_id: string | null;
  engine: string | null;
  watch_dir: string | null;
  terms: string;
  review_required: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PipelineRunTable {
  id: string;
  workspace_id: string;
  pipeline_id: string;
  source: string;
  file_name: string;
  source_path: string | null;
  input_sha256: string;
  input_bytes: number;
  input_kind: string;
  status: string;
  stage: string | null;
  error_code: string | null;
  error_message: string | null;
  job_id: string | null;
  revision: number;
  outputs_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface PipelineStageTable {
  run_id: string;
  stage: string;
  position: number;
  state: string;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  log: string;
  error_code: string | null;
  error_message: string | null;
  output_json: string | null;
}

export interface RedactionFindingTable {
  id: string;
  workspace_id: string;
  run_id: string;
  revision: number;
  seq: number;
  kind: string;
  recognizer: string;
  score: number;
  decision: string;
  text: string;
  start_offset: number;
  end_offset: number;
  location: string;
  label: string | null;
}

export interface RedactionDecisionTable {
  id: string;
  workspace_id: string;
  run_id: string;
  text: string;
  kind: string;
  action: string;
  created_by: string | null;
  created_at: string;
}

export interface PipelinePseudonymTable {
  pipeline_id: string;
  workspace_id: string;
  kind: string;
  key: string;
  label: string;
  seen_json: string;
}

export interface PipelineFolderFileTable {
  pipeline_id: string;
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string | null;
  run_id: string | null;
  outcome: string;
  created_at: string;
}

/** An out-tasker: one record across marketplaces (src/outtaskers). */
export interface OuttaskerTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  profiles_json: string;
  rates_json: string;
  currency: string;
  time_zone: string;
  nda_signed_on: string | null;
  status: string;
  notes: string;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A one-time portal link: the sha256 of its token, its expiry, when it was used. */
export interface OuttaskerInvitationTable {
  id: string;
  workspace_id: string;
  outtasker_id: string;
  token_hash: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** A one-time link to join the firm as owner or staff (sha256 of the token at rest). */
export interface WorkspaceInvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
  token_hash: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
}

export interface BidTable {
  id: string;
  workspace_id: string;
  task_id: string;
  post_id: string | null;
  /** The scope awarded once: the post id, or `task:<id>` for bids taken without a post. */
  award_key: string;
  outtasker_id: string;
  marketplace: string;
  source: string;
  external_id: string | null;
  unit: string;
  unit_price_minor: number;
  currency: string;
  turnaround_hours: number;
  message: string;
  status: string;
  submitted_at: string;
  decided_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** What an award creates: unit price, SLA, acceptance criteria; active, paused or ended (no fixed commitment). */
export interface ContractTable {
  id: string;
  workspace_id: string;
  task_id: string;
  post_id: string | null;
  award_key: string;
  bid_id: string;
  outtasker_id: string;
  unit: string;
  unit_price_minor: number;
  currency: string;
  sla_hours: number;
  acceptance_json: string;
  status: string;
  started_at: string;
  paused_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** 1 `currency` = `rate` `base_currency` from `effective_on` (yyyy-mm-dd); entered by the firm. */
export interface FxRateTable {
  id: string;
  workspace_id: string;
  currency: string;
  base_currency: string;
  rate: number;
  effective_on: string;
  created_by: string | null;
  created_at: string;
}

export interface JobPostTable {
  id: string;
  workspace_id: string;
  task_id: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobPostVersionTable {
  post_id: string;
  version: number;
  procedure_version_id: string;
  procedure_version_number: number;
  content_json: string;
  edited: number;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface JobPostListingTable {
  id: string;
  workspace_id: string;
  post_id: string;
  post_version: number;
  marketplace: string;
  via: string;
  url: string;
  external_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MarketplaceConnectionTable {
  workspace_id: string;
  marketplace: string;
  token_sealed: string;
  settings_json: string;
  created_by: string | null;
  updated_at: string;
}

/** A saved synthesis (src/syntheses): the engine's insights and the consultant's edited version. */
export interface SynthesisTable {
  id: string;
  workspace_id: string;
  task_id: string | null;
  engagement: string;
  title: string;
  form_name: string;
  form_ref: string | null;
  anonymized: number;
  transcripts: string;
  source_job_id: string | null;
  original_json: string;
  insights_json: string;
  skipped_json: Generated<string>;
  interviews: number;
  themes: number;
  /** Bumped by every edit; the API's ETag (optimistic concurrency). */
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

/** One edit of a saved synthesis: what, by whom, when, and the version it made. */
export interface SynthesisEditTable {
  id: string;
  workspace_id: string;
  synthesis_id: string;
  version: number;
  op: string;
  edit_json: string;
  summary: string;
  user_id: string | null;
  at: string;
}

/** A work order (src/workorders): terms copied from its contract, its state and the times that matter. */
export interface WorkOrderTable {
  id: string;
  workspace_id: string;
  number: number;
  contract_id: string;
  task_id: string;
  outtasker_id: string;
  title: string;
  instructions: string;
  brief_md: string;
  brief_file_name: string | null;
  unit: string;
  unit_price_minor: number;
  currency: string;
  units_expected: number;
  sla_hours: number;
  sla_calendar: string;
  sla_time_zone: string;
  auto_approve_days: number;
  acceptance_json: string;
  state: string;
  due_at: string | null;
  sent_at: string | null;
  accepted_at: string | null;
  first_delivered_at: string | null;
  last_delivered_at: string | null;
  approved_at: string | null;
  invoiced_at: string | null;
  cancelled_at: string | null;
  revision_rounds: Generated<number>;
  approved_units: number | null;
  quality_rating: number | null;
  timeliness_rating: number | null;
  seq: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** One move of a work order's state machine, numbered per order. */
export interface WorkOrderEventTable {
  id: string;
  workspace_id: string;
  work_order_id: string;
  seq: number;
  event: string;
  from_state: string;
  to_state: string;
  actor: string;
  user_id: string | null;
  note: string;
  at: string;
}

export interface WorkOrderDeliveryTable {
  id: string;
  workspace_id: string;
  work_order_id: string;
  round: number;
  note: string;
  units: number | null;
  units_unit: string | null;
  units_basis: string;
  hidden_slides_json: string;
  delivered_by: string | null;
  delivered_at: string;
  outcome: string | null;
  checklist_json: string;
  review_comment: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface WorkOrderFileTable {
  id: string;
  workspace_id: string;
  work_order_id: string;
  delivery_id: string | null;
  role: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  redacted: number;
  created_by: string | null;
  created_at: string;
}

/** A call for bids: a task (or its post) open to the portal's out-taskers (src/outtaskers). */
export interface BidCallTable {
  id: string;
  workspace_id: string;
  task_id: string;
  post_id: string | null;
  award_key: string;
  title: string;
  brief: string;
  unit: string;
  units_per_year: number;
  sla_hours: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  created_by: string | null;
  /** 'all' (every portal out-tasker of the firm) or 'invited' (bid_call_invitees only). */
  audience: Generated<string>;
}

/** An out-tasker invited to a call for bids whose audience is 'invited'. */
export interface BidCallInviteeTable {
  workspace_id: string;
  call_id: string;
  outtasker_id: string;
  invited_at: string;
  invited_by: string | null;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  members: MemberTable;
  processes: ProcessTable;
  tasks: TaskTable;
  import_batches: ImportBatchTable;
  time_entries: TimeEntryTable;
  import_batch_tasks: ImportBatchTaskTable;
  import_mappings: ImportMappingTable;
  audit_log: AuditTable;
  jobs: JobTable;
  job_steps: JobStepTable;
  blobs: BlobTable;
  blob_refs: BlobRefTable;
  procedure_variants: ProcedureVariantTable;
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_steps: ProcedureStepTable;
  forms: FormTable;
  form_versions: FormVersionTable;
  pipelines: PipelineTable;
  pipeline_runs: PipelineRunTable;
  pipeline_stages: PipelineStageTable;
  redaction_findings: RedactionFindingTable;
  redaction_decisions: RedactionDecisionTable;
  pipeline_pseudonyms: PipelinePseudonymTable;
  pipeline_folder_files: PipelineFolderFileTable;
  outtaskers: OuttaskerTable;
  outtasker_invitations: OuttaskerInvitationTable;
  workspace_invitations: WorkspaceInvitationTable;
  bids: BidTable;
  contracts: ContractTable;
  fx_rates: FxRateTable;
  job_posts: JobPostTable;
  job_post_versions: JobPostVersionTable;
  job_post_listings: JobPostListingTable;
  work_orders: WorkOrderTable;
  work_order_events: WorkOrderEventTable;
  work_order_deliveries: WorkOrderDeliveryTable;
  work_order_files: WorkOrderFileTable;
  marketplace_connections: MarketplaceConnectionTable;
  syntheses: SynthesisTable;
  synthesis_edits: SynthesisEditTable;
  bid_calls: BidCallTable;
  bid_call_invitees: BidCallInviteeTable;
}

// Generated is re-exported so that feature table types can use it without importing kysely elsewhere.
export type { Generated };
