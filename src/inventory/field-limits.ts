/**
 * The longest text each inventory field may hold, for every way into the database: the API's zod
 * schemas and every import path (template, Harvest, Toggl, Clockify) read these same numbers, so an
 * import cannot store what the API would refuse (a 10 MB task name once made every task list 21 MB).
 */
export const FIELD_LIMITS = {
  memberName: 200,
  memberTitle: 200,
  processName: 200,
  processDescription: 4_000,
  taskName: 300,
  taskDescription: 10_000,
  deliverableUnit: 50,
  /** A time entry's notes (kept with the entry, shown in a task's measurements). */
  timeEntryDescription: 10_000,
} as const;
