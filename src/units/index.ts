/** Billable units of a delivered file: slides of a PPTX, pages of a DOCX or PDF. */
export { UNITS_MAX_FILE_BYTES, UNITS_ZIP_LIMITS, unitsOfBytes, unitsOfFile } from './read.ts';
export type { Unit, UnitCount, UnitFormat } from './units.ts';
