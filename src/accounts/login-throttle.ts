/**
 * Login throttling, per account and per address. Each key keeps its recent failures in a sliding
 * window; past the allowance every further attempt is refused (429, Retry-After) until the oldest
 * counted failure leaves the window. A success clears the account's count (not the address's: one
 * address guessing many accounts stays throttled). Pure: the time is passed in.
 *
 * Kept in the process's memory: enough for the single server Outtask runs as; behind several
 * server processes each keeps its own count (the allowance then multiplies by their number).
 */

export interface ThrottleRule {
  /** Failures allowed inside the window before attempts are refused. */
  maxFailures: number;
  windowMs: number;
}

export const LOGIN_RULES = {
  /** One account: a person mistyping gets 5 tries every 15 minutes. */
  account: { maxFailures: 5, windowMs: 15 * 60_000 },
  /** One address: an office behind one NAT address may have several people mistyping at once. */
  address: { maxFailures: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: ThrottleRule,
    /** Keys kept at most; the oldest are dropped first, so memory stays bounded under a flood. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, now: number): number {
    const list = this.recent(key, now);
    if (list.length < this.rule.maxFailures) return 0;
    return list[list.length - this.rule.maxFailures]! + this.rule.windowMs - now;
  }

  fail(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.delete(key);
    this.failures.set(key, list);
    if (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    // Only the last maxFailures matter for the decision.
    return list.slice(-this.rule.maxFailures);
  }
}

export function createLoginThrottle(rules: { account: ThrottleRule; address: ThrottleRule } = LOGIN_RULES) {
  const accounts = new FailureWindow(rules.account);
  const addresses = new FailureWindow(rules.address);
  return {
    /** Seconds to wait before this account may be tried from this address; 0 when it may. */
    retryAfterSeconds(email: string, address: string, now: number): number {
      const ms = Math.max(accounts.retryAfterMs(email, now), addresses.retryAfterMs(address, now));
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    },
    failed(email: string, address: string, now: number): void {
      accounts.fail(email, now);
      addresses.fail(address, now);
    },
    succeeded(email: string): void {
      accounts.clear(email);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
