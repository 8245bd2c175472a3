export {
  DEFAULT_HOUSEKEEPING,
  type HousekeepingPolicy,
  type HousekeepingResult,
  housekeepingJob,
  registerHousekeeping,
  runHousekeeping,
  scheduleHousekeeping,
} from './housekeeping.ts';
