/**
 * Sliding-window counters: a client may make `limit` requests in any window of `windowMs`.
 * Each limit keeps a count per fixed window; the use at time t is the current window's count
 * plus the previous window's, weighted by how much of it still overlaps the last `windowMs`.
 * Two numbers per client and window, no timestamps per request, and no burst of 2 × limit at a
 * window edge (a plain fixed window allows one). Pure: the memory store runs these functions,
 * the Redis store runs the same arithmetic in one Lua script, and tests pin both to them.
 *
 * All comparisons are in integers scaled by `windowMs` (previous × (W − elapsed) + current × W
 * against limit × W), so the Lua script, whose numbers are doubles, decides exactly the same.
 */

export interface WindowLimit {
  /** Names the counter: who or what is limited, e.g. `client:<hash>` or `tenant:hung-yen`. */
  key: string;
  /** Requests allowed in any `windowMs`; at least 1. */
  limit: number;
  windowMs: number;
}

/** The counts of a limit's current and previous fixed windows. */
export interface WindowCounts {
  previous: number;
  current: number;
}

/** How one limit stands after a request was admitted or refused. */
export interface WindowState {
  limit: number;
  windowMs: number;
  /** Requests still admitted now (0 when refused). */
  remaining: number;
  /** Until the current fixed window ends, in ms. */
  resetMs: number;
  /** How long to wait until one more request would be admitted (0 when admitted). */
  retryAfterMs: number;
}

/** The fixed window `nowMs` falls in. */
export function windowIndex(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs);
}

function scaledUse(counts: WindowCounts, windowMs: number, nowMs: number): number {
  const elapsed = nowMs % windowMs;
  return counts.previous * (windowMs - elapsed) + counts.current * windowMs;
}

/** Whether one more request fits the limit at `nowMs`. */
export function admits(counts: WindowCounts, limit: number, windowMs: number, nowMs: number): boolean {
  return scaledUse(counts, windowMs, nowMs) + windowMs <= limit * windowMs;
}

/**
 * The shortest wait after which one more request fits, if nobody else sends any: within the
 * current window the previous window's weight fades; when the current window alone is full,
 * in the next one, where today's count becomes the fading previous one.
 */
export function retryAfterMs(counts: WindowCounts, limit: number, windowMs: number, nowMs: number): number {
  if (admits(counts, limit, windowMs, nowMs)) return 0;
  const elapsed = nowMs % windowMs;
  const spare = limit - counts.current - 1;
  if (spare >= 0) {
    // Smallest elapsed e with previous × (W − e) ≤ spare × W; previous > 0 here, or it would fit.
    const fitsAt = windowMs - Math.floor((spare * windowMs) / counts.previous);
    return fitsAt - elapsed;
  }
  // Next window: previous' = current, current' = 0; smallest e with current × (W − e) ≤ (limit − 1) × W.
  const fitsAt = windowMs - Math.floor(((limit - 1) * windowMs) / counts.current);
  return windowMs - elapsed + fitsAt;
}

/** The state of a limit: `counts` are after the request when admitted, as found when refused. */
export function windowState(counts: WindowCounts, limit: number, windowMs: number, nowMs: number, admitted: boolean): WindowState {
  const resetMs = windowMs - (nowMs % windowMs);
  if (!admitted) return { limit, windowMs, remaining: 0, resetMs, retryAfterMs: retryAfterMs(counts, limit, windowMs, nowMs) };
  const remaining = Math.max(0, Math.floor((limit * windowMs - scaledUse(counts, windowMs, nowMs)) / windowMs));
  return { limit, windowMs, remaining, resetMs, retryAfterMs: 0 };
}

/**
 * One request against several limits at once (a client's and its tenant's): admitted only if
 * every limit admits it, and then counted in every one; refused, it counts in none.
 * Returns the counts after the decision.
 */
export function hitAll(found: readonly WindowCounts[], limits: readonly WindowLimit[], nowMs: number): { admitted: boolean; counts: WindowCounts[] } {
  const admitted = limits.every((limit, i) => admits(found[i], limit.limit, limit.windowMs, nowMs));
  const counts = found.map((c) => (admitted ? { previous: c.previous, current: c.current + 1 } : { ...c }));
  return { admitted, counts };
}
