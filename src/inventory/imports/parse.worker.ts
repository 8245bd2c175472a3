/**
 * parseImport in a worker thread (platform/workers): reading and checking a large file (a 200k-row
 * export, a header of a million columns) takes seconds of CPU that must not stall the server.
 */
import { type ParseImportInput, parseImport } from './parse-import.ts';
import type { ParsedImport } from './types.ts';

export const PARSE_WORKER = 'src/inventory/imports/parse.worker.ts';

export function parse(input: ParseImportInput): Promise<ParsedImport> {
  return parseImport(input);
}
