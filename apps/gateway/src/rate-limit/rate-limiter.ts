import type { Logger } from '@motcua/observability';
import type { GatewayStore, LimitHit } from '../store/gateway-store';
import { WindowLimit, windowState, WindowState } from './sliding-window';

/** A limit as configured: how many requests in which window, per what. */
export interface LimitPolicy {
  name: 'client' | 'tenant';
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  admitted: boolean;
  /** The limit that binds: the refusing one with the longest wait, or the one with the fewest requests left. */
  binding: WindowState & { name: LimitPolicy['name'] };
}

export interface LimitedSubject {
  /** The verified caller's key (a hash of issuer and subject), or the client IP when anonymous. */
  client: string;
  tenantId?: string;
}

/**
 * Checks a request against its client's and its tenant's limits in one atomic step on the
 * shared store. The store being away must not take the API down with it: the request is
 * then let through unlimited, and the failure logged (fail open).
 */
export class RateLimiter {
  constructor(
    private readonly store: GatewayStore,
    private readonly policies: { client: LimitPolicy; tenant: LimitPolicy },
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly clock: () => number = Date.now,
  ) {}

  async check(subject: LimitedSubject): Promise<RateLimitVerdict | undefined> {
    const applied: { policy: LimitPolicy; limit: WindowLimit }[] = [];
    const add = (policy: LimitPolicy, key: string) => {
      if (policy.limit > 0) applied.push({ policy, limit: { key, limit: policy.limit, windowMs: policy.windowMs } });
    };
    add(this.policies.client, `client:${subject.client}`);
    if (subject.tenantId) add(this.policies.tenant, `tenant:${subject.tenantId}`);
    if (applied.length === 0) return undefined;
    const now = this.clock();
    let hit: LimitHit;
    try {
      hit = await this.store.hit(applied.map((a) => a.limit), now);
    } catch (error) {
      // Handled: fail open. Limits protect the services; an unreachable store must not refuse everyone.
      this.logger.warn({ err: error, backend: this.store.backend }, 'rate limit store unavailable; request not limited');
      return undefined;
    }
    const states = applied.map((a, i) => ({ name: a.policy.name, ...windowState(hit.counts[i], a.limit.limit, a.limit.windowMs, now, hit.admitted) }));
    const binding = hit.admitted
      ? states.reduce((a, b) => (b.remaining < a.remaining ? b : a))
      : states.filter((s) => s.retryAfterMs > 0).reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
    return { admitted: hit.admitted, binding };
  }
}

/**
 * The answer's rate-limit headers (the IETF draft's `RateLimit-Limit`, `-Remaining`, `-Reset`
 * and `-Policy`, in seconds), plus `Retry-After` on a refusal.
 */
export function rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string> {
  const { binding } = verdict;
  const seconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(binding.limit),
    'RateLimit-Remaining': String(binding.remaining),
    'RateLimit-Reset': seconds(verdict.admitted ? binding.resetMs : binding.retryAfterMs),
    'RateLimit-Policy': `${binding.limit};w=${Math.ceil(binding.windowMs / 1000)};comment="${binding.name}"`,
  };
  if (!verdict.admitted) headers['Retry-After'] = seconds(binding.retryAfterMs);
  return headers;
}
