/**
 * An import's time entries as they travel from the worker thread that planned them to the writer:
 * row tuples in the order of the time_entries columns (without workspace and import), as UTF-8 JSON
 * in chunks of ROWS_PER_CHUNK, each chunk its own ArrayBuffer so the worker can transfer rather than
 * copy them. The writer decodes one chunk at a time (a few ms), so no single step of the main thread
 * grows with the file.
 */
import type { Money } from '../platform/money.ts';

/** A time entry as an import plans it (import-plan.ts). */
export interface NewTimeEntry {
  taskId: string;
  memberId: string | null;
  personName: string;
  date: string;
  minutes: number;
  costRate: Money | null;
  project: string;
  client: string;
  description: string;
  billable: boolean;
  fingerprint: string;
}

export const ROWS_PER_CHUNK = 2000;

/** The columns a tuple holds, in order (the store adds workspace_id first and import_id last). */
export const TIME_ENTRY_VALUE_COLUMNS = [
  'task_id',
  'member_id',
  'person_name',
  'entry_date',
  'minutes',
  'cost_rate_minor',
  'currency',
  'project',
  'client',
  'description',
  'billable',
  'fingerprint',
] as const;

export type TimeEntryTuple = [
  taskId: string,
  memberId: string | null,
  personName: string,
  date: string,
  minutes: number,
  costRateMinor: number | null,
  currency: string | null,
  project: string,
  client: string,
  description: string,
  billable: 0 | 1,
  fingerprint: string,
];

export interface EncodedRows {
  count: number;
  chunks: Uint8Array[];
}

/**
 * The unique index on fingerprints is most of an import's insert time; storing 128 of the sha256's
 * 256 bits as base64url (22 characters instead of 64) makes it a third cheaper and stays collision-safe.
 */
export function storedFingerprint(hex: string): string {
  return /^[0-9a-f]{32,}$/.test(hex) ? Buffer.from(hex.slice(0, 32), 'hex').toString('base64url') : hex;
}

export function timeEntryTuple(e: NewTimeEntry): TimeEntryTuple {
  return [
    e.taskId,
    e.memberId,
    e.personName,
    e.date,
    e.minutes,
    e.costRate?.amountMinor ?? null,
    e.costRate?.currency ?? null,
    e.project,
    e.client,
    e.description,
    e.billable ? 1 : 0,
    storedFingerprint(e.fingerprint),
  ];
}

export function encodeTimeEntries(entries: readonly NewTimeEntry[]): EncodedRows {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < entries.length; i += ROWS_PER_CHUNK) {
    // TextEncoder gives each chunk a buffer of its own (Buffer.from may share a pool): safe to transfer.
    chunks.push(encoder.encode(JSON.stringify(entries.slice(i, i + ROWS_PER_CHUNK).map(timeEntryTuple))));
  }
  return { count: entries.length, chunks };
}

/** The tuples chunk by chunk, each decoded when asked for. */
export function* decodeTimeEntries(rows: EncodedRows): Generator<TimeEntryTuple[]> {
  const decoder = new TextDecoder();
  for (const chunk of rows.chunks) yield JSON.parse(decoder.decode(chunk)) as TimeEntryTuple[];
}

/** The buffers to transfer to the receiving thread. */
export function transferList(rows: EncodedRows): ArrayBuffer[] {
  return rows.chunks.map((c) => c.buffer as ArrayBuffer);
}
