/**
 * One error class for the whole app. Business code throws AppError with a specific code;
 * the HTTP edge maps codes to statuses (httpStatusFor) and the CLI to exit codes (exitCodeFor).
 */

export const ErrorCatalogue = {
  // generic
  VALIDATION_FAILED: { status: 400, exit: 2 },
  CONTENT_TYPE_UNSUPPORTED: { status: 415, exit: 2 },
  NOT_FOUND: { status: 404, exit: 3 },
  /** Generic: prefer a specific code saying which rule the request broke. */
  CONFLICT: { status: 409, exit: 4 },
  /** A write that named the version it expected (If-Match) found a newer one: reload, then write again. */
  STALE_WRITE: { status: 412, exit: 4 },
  PRECONDITION_INVALID: { status: 400, exit: 2 },
  INTERNAL: { status: 500, exit: 1 },
  CONFIG_INVALID: { status: 500, exit: 2 },
  // accounts
  UNAUTHENTICATED: { status: 401, exit: 5 },
  FORBIDDEN: { status: 403, exit: 5 },
  LOGIN_FAILED: { status: 401, exit: 5 },
  /** Too many failed sign-ins for the account or from the address; details.retryAfterSeconds. */
  LOGIN_THROTTLED: { status: 429, exit: 5 },
  /** A state-changing request from another site (its Origin is not this server). */
  ORIGIN_FORBIDDEN: { status: 403, exit: 5 },
  SESSION_EXPIRED: { status: 401, exit: 5 },
  EMAIL_TAKEN: { status: 409, exit: 4 },
  /** The change would leave the workspace without an owner (demoting or removing the last one). */
  LAST_OWNER: { status: 409, exit: 4 },
  /** The workspace's currency is fixed once amounts are stored in it (they would not be converted). */
  CURRENCY_IN_USE: { status: 409, exit: 4 },
  USER_NOT_FOUND: { status: 404, exit: 3 },
  INVITATION_NOT_FOUND: { status: 404, exit: 3 },
  WORKSPACE_NOT_FOUND: { status: 404, exit: 3 },
  WORKSPACE_AMBIGUOUS: { status: 400, exit: 2 },
  // storage
  DB_UNAVAILABLE: { status: 503, exit: 6 },
  MIGRATION_FAILED: { status: 500, exit: 6 },
  BACKUP_FAILED: { status: 500, exit: 6 },
  BACKUP_INVALID: { status: 400, exit: 2 },
  // files and imports
  FILE_NOT_FOUND: { status: 404, exit: 3 },
  FILE_TOO_LARGE: { status: 413, exit: 2 },
  FILE_BINARY: { status: 415, exit: 2 },
  FILE_EMPTY: { status: 400, exit: 2 },
  IMPORT_FORMAT_UNKNOWN: { status: 415, exit: 2 },
  IMPORT_MALFORMED: { status: 400, exit: 2 },
  IMPORT_ROWS_INVALID: { status: 422, exit: 2 },
  /** More rows or columns than an import may have. */
  IMPORT_TOO_LARGE: { status: 413, exit: 2 },
  /** A zip-based file (DOCX, XLSX, PPTX) whose real unpacked size or entry count passes a cap. */
  ARCHIVE_TOO_LARGE: { status: 413, exit: 2 },
  ARCHIVE_DAMAGED: { status: 400, exit: 2 },
  IMPORT_NOT_FOUND: { status: 404, exit: 3 },
  IMPORT_ALREADY_UNDONE: { status: 409, exit: 4 },
  IMPORT_UNDO_BLOCKED: { status: 409, exit: 4 },
  IMPORT_DECISION_INVALID: { status: 400, exit: 2 },
  // inventory
  TASK_NOT_FOUND: { status: 404, exit: 3 },
  TASK_AMBIGUOUS: { status: 400, exit: 2 },
  MEMBER_NOT_FOUND: { status: 404, exit: 3 },
  MEMBER_NAME_TAKEN: { status: 409, exit: 4 },
  PROCESS_NOT_FOUND: { status: 404, exit: 3 },
  PROCESS_NAME_TAKEN: { status: 409, exit: 4 },
  TASK_NAME_TAKEN: { status: 409, exit: 4 },
  CURRENCY_MISMATCH: { status: 400, exit: 2 },
  // procedures
  PROCEDURE_NOT_FOUND: { status: 404, exit: 3 },
  VERSION_NOT_FOUND: { status: 404, exit: 3 },
  VERSION_APPROVED: { status: 409, exit: 4 },
  VERSIONS_UNRELATED: { status: 400, exit: 2 },
  DRAFT_EXISTS: { status: 409, exit: 4 },
  VARIANT_NOT_FOUND: { status: 404, exit: 3 },
  VARIANT_RETIRED: { status: 409, exit: 4 },
  FORM_NOT_FOUND: { status: 404, exit: 3 },
  FORM_NAME_TAKEN: { status: 409, exit: 4 },
  FORM_INVALID: { status: 400, exit: 2 },
  STEP_INVALID: { status: 400, exit: 2 },
  // synthesis
  TRANSCRIPT_FORMAT_UNKNOWN: { status: 415, exit: 2 },
  TRANSCRIPT_MALFORMED: { status: 400, exit: 2 },
  TRANSCRIPT_EMPTY: { status: 400, exit: 2 },
  THEME_INVALID: { status: 400, exit: 2 },
  SYNTHESIS_FAILED: { status: 500, exit: 1 },
  // saved syntheses
  SYNTHESIS_NOT_FOUND: { status: 404, exit: 3 },
  THEME_NOT_FOUND: { status: 404, exit: 3 },
  SYNTHESIS_EDIT_INVALID: { status: 400, exit: 2 },
  /** Picking a passage from the transcripts of a synthesis that did not keep them. */
  TRANSCRIPTS_NOT_KEPT: { status: 409, exit: 4 },
  // demo
  DEMO_EXISTS: { status: 409, exit: 4 },
  // automation: transcription and redaction
  AUDIO_UNREADABLE: { status: 415, exit: 2 },
  TOOL_MISSING: { status: 503, exit: 6 },
  ENGINE_UNAVAILABLE: { status: 400, exit: 2 },
  MODEL_INVALID: { status: 400, exit: 2 },
  TRANSCRIPTION_FAILED: { status: 500, exit: 1 },
  TRANSCRIPTION_TIMEOUT: { status: 504, exit: 1 },
  TRANSCRIPTION_CANCELLED: { status: 409, exit: 130 },
  NAMES_LIST_INVALID: { status: 400, exit: 2 },
  // stored files (platform/blobs)
  BLOB_NOT_FOUND: { status: 404, exit: 3 },
  /** The bytes on disk no longer hash to the file's name: damaged storage, restore from a backup. */
  BLOB_CORRUPT: { status: 500, exit: 6 },
  // automation: intake pipelines
  PIPELINE_NOT_FOUND: { status: 404, exit: 3 },
  PIPELINE_NAME_TAKEN: { status: 409, exit: 4 },
  RUN_NOT_FOUND: { status: 404, exit: 3 },
  RUN_NOT_RETRYABLE: { status: 409, exit: 4 },
  REVIEW_NOT_OPEN: { status: 409, exit: 4 },
  INTAKE_FILE_UNSUPPORTED: { status: 415, exit: 2 },
  WATCH_DIR_INVALID: { status: 400, exit: 2 },
  // out-taskers, bids and contracts (step 6)
  OUTTASKER_NOT_FOUND: { status: 404, exit: 3 },
  OUTTASKER_EMAIL_TAKEN: { status: 409, exit: 4 },
  /** A portal link that is unknown, already used or expired: ask the firm for a new one. */
  INVITATION_INVALID: { status: 410, exit: 4 },
  BID_NOT_FOUND: { status: 404, exit: 3 },
  BID_INVALID: { status: 400, exit: 2 },
  /** The post (or the task's bidding) was already awarded: details.contractId names the contract. */
  BID_ALREADY_AWARDED: { status: 409, exit: 4 },
  /** The bid was withdrawn or declined, so it cannot be awarded or changed. */
  BID_NOT_OPEN: { status: 409, exit: 4 },
  CONTRACT_NOT_FOUND: { status: 404, exit: 3 },
  /** A contract change its state does not allow (an ended contract cannot be resumed). */
  CONTRACT_STATE_INVALID: { status: 409, exit: 4 },
  /** No exchange rate on or before the date for a currency the firm compares in. */
  FX_RATE_MISSING: { status: 422, exit: 2 },
  // marketplace: job posts, listings, connectors
  POST_NOT_FOUND: { status: 404, exit: 3 },
  POST_INVALID: { status: 400, exit: 2 },
  /** A post is compiled from an approved standard procedure only. */
  PROCEDURE_NOT_APPROVED: { status: 409, exit: 4 },
  LISTING_URL_INVALID: { status: 400, exit: 2 },
  LISTING_NOT_FOUND: { status: 404, exit: 3 },
  /** The marketplace's API connector has no token (or no key to decrypt it): use the assisted way. */
  MARKETPLACE_NOT_CONFIGURED: { status: 409, exit: 4 },
  /** The connector cannot do that on this marketplace (its capability flags say so). */
  MARKETPLACE_UNSUPPORTED: { status: 400, exit: 2 },
  /** The marketplace refused the request (its answer is in details). */
  MARKETPLACE_REJECTED: { status: 422, exit: 2 },
  /** The marketplace did not answer, or answered with a server error: retried by the job. */
  MARKETPLACE_UNAVAILABLE: { status: 502, exit: 6 },
  /** 429 from the marketplace for longer than a job waits in place: retried later. */
  MARKETPLACE_RATE_LIMITED: { status: 503, exit: 6 },
  // jobs
  JOB_NOT_FOUND: { status: 404, exit: 3 },
  JOB_NOT_RETRYABLE: { status: 409, exit: 4 },
  JOB_NOT_CANCELLABLE: { status: 409, exit: 4 },
  JOB_PAYLOAD_INVALID: { status: 400, exit: 2 },
  JOB_KIND_UNKNOWN: { status: 400, exit: 2 },
  /** A worker lost its hold on a job (its lease was taken over); internal, never shown to a caller. */
  JOB_LEASE_LOST: { status: 409, exit: 4 },
  JOB_CANCELLED: { status: 409, exit: 4 },
  JOB_TIMED_OUT: { status: 500, exit: 1 },
  // units of delivered files (units/)
  /** Neither a PPTX, a DOCX nor a PDF: units cannot be counted. */
  DOCUMENT_FORMAT_UNKNOWN: { status: 415, exit: 2 },
  /** A PPTX, DOCX or PDF whose parts do not hold together (a listed slide missing, no page count). */
  DOCUMENT_MALFORMED: { status: 400, exit: 2 },
  // work orders (workorders/)
  WORK_ORDER_NOT_FOUND: { status: 404, exit: 3 },
  /** A move the work order's state does not allow: details name from, to and the allowed events. */
  WORK_ORDER_STATE_INVALID: { status: 409, exit: 4 },
  /** A time zone that is not an IANA name (Europe/Berlin, America/New_York). */
  TIME_ZONE_INVALID: { status: 400, exit: 2 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ErrorCatalogue;

/** Where in an input the problem is: file, line, column (1-based), field. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: string | number;
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function httpStatusFor(code: ErrorCode): number {
  return ErrorCatalogue[code].status;
}

export function exitCodeFor(code: ErrorCode): number {
  return ErrorCatalogue[code].exit;
}

/** "file.csv:12 (column Hours)" — the prefix every input error message starts with. */
export function formatLocation(loc: ErrorLocation): string {
  let s = loc.file ?? '';
  if (loc.line !== undefined) s += `${s ? ':' : 'line '}${loc.line}`;
  if (loc.column !== undefined) s += ` (column ${loc.column})`;
  if (loc.field !== undefined && loc.column === undefined) s += ` (field ${loc.field})`;
  return s;
}
