/** Durations as people say them: "45 min", "4 h", "29 h 45 min". */
export function fmtDuration(minutes: number): string {
  const m = Math.round(minutes);
  if (Math.abs(m) < 60) return `${m} min`;
  const h = Math.trunc(m / 60);
  const rest = Math.abs(m % 60);
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
