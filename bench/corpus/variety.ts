/**
 * Varied wording for speed runs: a planted clause said with its own circumstances ("…, mostly for
 * the Leeds payroll people since the spring audit"), so that hundreds of long interviews hold
 * hundreds of thousands of different sentences, as real talk does, rather than a few thousand
 * templates said over and over (which made clustering look cheap: it works on distinct units).
 * The detail words are everyday workplace talk spread over every question, so they plant no theme.
 */
import type { Rng } from './rng.ts';

const PLACES = [
  'Leeds',
  'Bristol',
  'the Dublin office',
  'head office',
  'the warehouse',
  'the north region',
  'the call centre',
  'the Madrid team',
  'the new site',
  'the old building',
  'the back office',
  'the branch network',
  'Singapore',
  'the Glasgow hub',
  'the east coast',
  'the shared service centre',
  'the lab',
  'the front desk',
  'the night shift',
  'the Rotterdam depot',
];
const GROUPS = [
  'payroll people',
  'finance lot',
  'sales managers',
  'graduates',
  'contractors',
  'team leads',
  'auditors',
  'account managers',
  'senior partners',
  'analysts',
  'engineers',
  'temps',
  'regional directors',
  'procurement folks',
  'customer reps',
  'board members',
  'product owners',
  'trainees',
  'schedulers',
  'legal team',
  'marketing crowd',
  'operations staff',
  'planners',
  'supervisors',
];
const TIMES = [
  'since the spring audit',
  'every Monday morning',
  'at quarter end',
  'before the summer',
  'after the merger',
  'last November',
  'around budget season',
  'during the migration',
  'at month end',
  'since the reorganisation',
  'on Friday afternoons',
  'in the run-up to Christmas',
  'after the office move',
  'when the contract renewed',
  'over the last two years',
  'since the new director started',
  'during peak season',
  'in the January rush',
  'after the system upgrade',
  'ever since the pilot',
];
const THINGS = [
  'invoices',
  'rotas',
  'expense claims',
  'the intranet',
  'purchase orders',
  'the timesheets',
  'client files',
  'the shared drive',
  'the ticket queue',
  'handover notes',
  'the forecast model',
  'meeting minutes',
  'the holiday calendar',
  'supplier contracts',
  'the onboarding pack',
  'training records',
  'the pricing sheet',
  'stock counts',
  'the risk register',
  'the weekly newsletter',
  'parking permits',
  'the visitor log',
  'the old CRM',
  'the org chart',
];
const VERBS = [
  'chase',
  'rebuild',
  'double-check',
  'sign off',
  'reconcile',
  'print out',
  're-key',
  'escalate',
  'update',
  'archive',
  'review',
  'forward',
  'reformat',
  'track down',
  'approve',
  'sort through',
];
const PEOPLE = [
  'my manager',
  'our CFO',
  'the ops director',
  'a colleague of mine',
  'the new hire',
  'my predecessor',
  'our biggest client',
  'the union rep',
  'the project sponsor',
  'one of the partners',
  'our IT contact',
  'the regional lead',
];

/** A circumstance to say after a clause (an empty string a fifth of the time). */
export function detail(rng: Rng): string {
  switch (rng.int(10)) {
    case 0:
    case 1:
      return '';
    case 2:
      return `, mostly for the ${rng.pick(PLACES)} ${rng.pick(GROUPS)} ${rng.pick(TIMES)}`;
    case 3:
      return `, at least in ${rng.pick(PLACES)} ${rng.pick(TIMES)}`;
    case 4:
      return ` — ${rng.pick(PEOPLE)} still has to ${rng.pick(VERBS)} ${rng.pick(THINGS)} ${rng.pick(TIMES)}`;
    case 5:
      return `, which means the ${rng.pick(GROUPS)} ${rng.pick(VERBS)} ${rng.pick(THINGS)} by hand`;
    case 6:
      return `, and ${rng.pick(PEOPLE)} said as much about ${rng.pick(THINGS)} ${rng.pick(TIMES)}`;
    case 7:
      return ` when we ${rng.pick(VERBS)} ${rng.pick(THINGS)} for ${rng.pick(PLACES)}`;
    case 8:
      return `, same with ${rng.pick(THINGS)} and ${rng.pick(THINGS)} in ${rng.pick(PLACES)}`;
    default:
      return `, or so ${rng.pick(PEOPLE)} tells the ${rng.pick(GROUPS)}`;
  }
}
