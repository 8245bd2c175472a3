/**
 * An import's CPU work in a worker thread (platform/workers): reading and checking a large file (a
 * 200k-row export, a header of a million columns) and planning it against the inventory take seconds
 * that must not stall the server. The time entries come back as transferred buffers.
 */
import { newId } from '../../platform/ids.ts';
import { type Transferring, transferring } from '../../platform/workers/index.ts';
import { type PreparedImport, type PrepareInput, prepareImport } from '../import-prepare.ts';
import { transferList } from '../time-entry-rows.ts';

export const PARSE_WORKER = 'src/inventory/imports/parse.worker.ts';

/**
 * Ids of what the import creates are made here by the product's generator (uuidv7): a generator
 * handed to the service cannot cross the thread boundary.
 */
export async function prepare(input: PrepareInput): Promise<Transferring<PreparedImport>> {
  const prepared = await prepareImport(input, newId);
  return transferring(prepared, transferList(prepared.entries));
}
