/**
 * Clock times as transcripts write them ("1:02:03", "00:01:02.500", "00:00:05,120", "0:35")
 * to seconds. Hand-written rather than a regex so a long line can never make it slow.
 */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Seconds for `h:mm:ss[.fff]` or `m:ss[.fff]` (fraction after "." or ","), or null when `text`
 * is not such a time. Minutes and seconds after the first field must be below 60.
 */
export function parseClock(text: string): number | null {
  const s = text.trim();
  if (s.length === 0 || s.length > 20) return null;
  const fields: number[] = [];
  let fraction = 0;
  let i = 0;
  while (i < s.length) {
    const from = i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    if (i === from || i - from > 3) return null;
    fields.push(Number(s.slice(from, i)));
    if (i === s.length) break;
    const sep = s[i];
    if (sep === ':') {
      i++;
      if (i === s.length) return null;
      continue;
    }
    if (sep === '.' || sep === ',') {
      i++;
      const fracFrom = i;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (i === fracFrom || i !== s.length || i - fracFrom > 6) return null;
      fraction = Number(`0.${s.slice(fracFrom)}`);
      break;
    }
    return null;
  }
  if (fields.length < 2 || fields.length > 3) return null;
  const [a, b, c] = fields as [number, number, number | undefined];
  if (c === undefined) {
    if (b >= 60) return null;
    return round3(a * 60 + b + fraction);
  }
  if (b >= 60 || c >= 60) return null;
  return round3(a * 3600 + b * 60 + c + fraction);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** "00:01:02.500" for 62.5 seconds: the WebVTT form (SRT uses "," via `comma`). */
export function formatClock(seconds: number, comma = false): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = Math.floor((ms % 60_000) / 1000);
  const frac = ms % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(sec)}${comma ? ',' : '.'}${String(frac).padStart(3, '0')}`;
}

/** "1:02" / "1:02:03": the short form meeting recorders print in headings. */
export function formatShortClock(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * A subtitle cue time, strictly: `hh:mm:ss.ttt` or `mm:ss.ttt` with two-digit minutes and seconds
 * and a three-digit fraction after "." (WebVTT) or "," (SRT). Strict on purpose: a time cut short
 * ("00:55:4") is a damaged file, not a different time.
 */
export function parseCueTime(text: string): number | null {
  const s = text.trim();
  // Fast path for the usual "hh:mm:ss.ttt".
  if (s.length === 12 && s[2] === ':' && s[5] === ':' && (s[8] === '.' || s[8] === ',')) {
    let value = 0;
    for (let k = 0; k < 12; k++) {
      if (k === 2 || k === 5 || k === 8) continue;
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return null;
      if ((k === 3 || k === 6) && d > 5) return null;
      value = value * 10 + d;
    }
    // value is hhmmssttt as one integer
    const ms = value % 1000;
    const sec = Math.floor(value / 1000) % 100;
    const min = Math.floor(value / 100_000) % 100;
    const h = Math.floor(value / 10_000_000);
    return ((h * 3600 + min * 60 + sec) * 1000 + ms) / 1000;
  }
  const dot = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (dot < 0 || s.length - dot - 1 !== 3) return null;
  const clock = s.slice(0, dot).split(':');
  if (clock.length < 2 || clock.length > 3) return null;
  for (let k = 1; k < clock.length; k++) if (clock[k]!.length !== 2) return null;
  if (clock[0]!.length === 0 || clock[0]!.length > (clock.length === 3 ? 3 : 2)) return null;
  return parseClock(s);
}

/** Start and end seconds of a "start --> end [settings]" line, or null when either time is broken. */
export function parseCueTiming(line: string): { start: number; end: number } | null {
  const arrow = line.indexOf('-->');
  if (arrow < 0) return null;
  const start = parseCueTime(line.slice(0, arrow));
  const rest = line.slice(arrow + 3).trimStart();
  const space = rest.search(/[ \t]/);
  const end = parseCueTime(space < 0 ? rest : rest.slice(0, space));
  if (start === null || end === null) return null;
  return { start, end: Math.max(start, end) };
}
