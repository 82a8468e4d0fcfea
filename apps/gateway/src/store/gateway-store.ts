import type { WindowCounts, WindowLimit } from '../rate-limit/sliding-window';

/** Counts of one request against its limits, after the decision (see `hitAll`). */
export interface LimitHit {
  admitted: boolean;
  counts: WindowCounts[];
}

/**
 * The state the gateway replicas share: rate-limit counters and idempotency records. Redis
 * when configured (every replica sees the same counts and keys), memory otherwise (one
 * replica). Every operation is atomic on its own; keys are the caller's, the store adds its prefix.
 */
export interface GatewayStore {
  readonly backend: 'redis' | 'memory';
  /**
   * Counts one request against every limit at once: admitted when each admits it (and then
   * counted in each), refused otherwise (counted in none). `nowMs` places the windows.
   */
  hit(limits: readonly WindowLimit[], nowMs: number): Promise<LimitHit>;
  /** Stores `value` only if `key` is free (Redis `SET NX PX`): true when this call took it. */
  putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** Replaces the value only while it still equals `expected` (compare-and-set): true when replaced. */
  replaceIf(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes the key only while it still holds `expected`: true when deleted. */
  deleteIf(key: string, expected: string): Promise<boolean>;
  close(): Promise<void>;
}

export const GATEWAY_STORE = Symbol('GATEWAY_STORE');

/** Where a limit's counters live: one key per fixed window, so old windows simply expire. */
export function windowKeys(limit: WindowLimit, nowMs: number): { current: string; previous: string } {
  const index = Math.floor(nowMs / limit.windowMs);
  const base = `rl:${limit.key}:${limit.windowMs}`;
  return { current: `${base}:${index}`, previous: `${base}:${index - 1}` };
}
