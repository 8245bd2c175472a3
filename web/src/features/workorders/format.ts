/** Labels of work-order states and SLA flags, and a work order's price in words. */
export const STATE_COLUMNS = [
  ['draft', 'Draft'],
  ['sent', 'Sent'],
  ['accepted', 'In progress'],
  ['delivered', 'To review'],
  ['changes_requested', 'Changes requested'],
  ['approved', 'Approved'],
  ['invoiced', 'Invoiced'],
  ['cancelled', 'Cancelled'],
] as const;

export const STATE_LABEL: Record<string, string> = Object.fromEntries(STATE_COLUMNS);

export const FLAG_LABEL: Record<string, { text: string; tone: string } | undefined> = {
  on_track: { text: 'On track', tone: '' },
  due_soon: { text: 'Due soon', tone: 'badge-warning' },
  overdue: { text: 'Overdue', tone: 'badge-negative' },
  on_time: { text: 'Delivered on time', tone: 'badge-positive' },
  late: { text: 'Delivered late', tone: 'badge-negative' },
};

export const EVENT_LABEL: Record<string, string> = {
  send: 'Send to the out-tasker',
  accept: 'Accept',
  decline: 'Decline',
  cancel: 'Cancel the order',
  invoice: 'Mark invoiced',
};

export function minutesText(min: number): string {
  const m = Math.abs(min);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.round(m / 6) / 10} h`;
  return `${Math.round(m / 144) / 10} days`;
}
