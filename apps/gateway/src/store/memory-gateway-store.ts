import { hitAll, WindowLimit } from '../rate-limit/sliding-window';
import { GatewayStore, LimitHit, windowKeys } from './gateway-store';

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * The gateway's shared state in this process only: right for one replica, development and
 * tests. Node runs one operation at a time, so each is atomic as in Redis. Expired entries
 * are dropped when read and swept once a minute.
 */
export class MemoryGatewayStore implements GatewayStore {
  readonly backend = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async hit(limits: readonly WindowLimit[], nowMs: number): Promise<LimitHit> {
    const keys = limits.map((limit) => windowKeys(limit, nowMs));
    const found = keys.map((key) => ({ previous: this.count(key.previous), current: this.count(key.current) }));
    const result = hitAll(found, limits, nowMs);
    if (result.admitted) {
      keys.forEach((key, i) => {
        const existing = this.live(key.current);
        const expiresAt = existing?.expiresAt ?? this.clock() + 2 * limits[i].windowMs;
        this.entries.set(key.current, { value: String(result.counts[i].current), expiresAt });
      });
    }
    return result;
  }

  async putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: this.clock() + ttlMs });
    return true;
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async replaceIf(key: string, expected: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)?.value !== expected) return false;
    this.entries.set(key, { value, expiresAt: this.clock() + ttlMs });
    return true;
  }

  async deleteIf(key: string, expected: string): Promise<boolean> {
    if (this.live(key)?.value !== expected) return false;
    return this.entries.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private count(key: string): number {
    return Number(this.live(key)?.value ?? 0);
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
