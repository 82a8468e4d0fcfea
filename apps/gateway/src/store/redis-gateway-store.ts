import { Redis } from 'ioredis';
import type { WindowLimit } from '../rate-limit/sliding-window';
import { GatewayStore, LimitHit, windowKeys } from './gateway-store';

/**
 * The sliding-window decision of `hitAll` (rate-limit/sliding-window.ts), atomically in Redis.
 * KEYS: per limit, its current then its previous window counter. ARGV[1]: now (ms), then per
 * limit its limit and window (ms). Returns {admitted, previous1, current1, previous2, ...},
 * the counts after the decision. Integer-exact like the TypeScript.
 */
const HIT_SCRIPT = `
local now = tonumber(ARGV[1])
local n = #KEYS / 2
local counts = {}
local admitted = 1
for i = 1, n do
  local limit = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local current = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local previous = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  local elapsed = now % window
  if previous * (window - elapsed) + current * window + window > limit * window then admitted = 0 end
  counts[2 * i - 1] = previous
  counts[2 * i] = current
end
if admitted == 1 then
  for i = 1, n do
    counts[2 * i] = redis.call('INCR', KEYS[2 * i - 1])
    if counts[2 * i] == 1 then redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * tonumber(ARGV[2 * i + 1])) end
  end
end
table.insert(counts, 1, admitted)
return counts
`;

const REPLACE_IF_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
`;

const DELETE_IF_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

interface ScriptCommands {
  motcuaHit(numKeys: number, ...args: (string | number)[]): Promise<number[]>;
  motcuaReplaceIf(key: string, expected: string, value: string, ttlMs: number): Promise<number>;
  motcuaDeleteIf(key: string, expected: string): Promise<number>;
}

export interface RedisGatewayStoreOptions {
  url: string;
  /** Prepended to every key, so several deployments (or test files) can share one Redis. */
  keyPrefix: string;
  /** A command that gets no answer in this time fails (the caller decides what that means). */
  commandTimeoutMs?: number;
  /** Default 2 s. */
  connectTimeoutMs?: number;
  onError?: (error: Error) => void;
}

/**
 * The gateway's shared state in Redis, for several replicas: counters and the rate-limit
 * decision in one Lua script (EVALSHA), idempotency claims with `SET NX PX`, compare-and-set
 * and compare-and-delete in Lua. Commands fail fast while Redis is away instead of queueing.
 */
export class RedisGatewayStore implements GatewayStore {
  readonly backend = 'redis' as const;
  private readonly redis: Redis;
  private readonly scripts: ScriptCommands;
  private readonly prefix: string;

  constructor(options: RedisGatewayStoreOptions) {
    this.prefix = options.keyPrefix;
    this.redis = new Redis(options.url, {
      lazyConnect: false,
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      // A stream that never connected never says 'close': do not keep the process up 2 s for it.
      disconnectTimeout: 200,
      commandTimeout: options.commandTimeoutMs ?? 1_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
    });
    // Handled: ioredis reconnects by itself; the callbacks decide what a failed command means.
    this.redis.on('error', (error: Error) => options.onError?.(error));
    this.redis.defineCommand('motcuaHit', { lua: HIT_SCRIPT });
    this.redis.defineCommand('motcuaReplaceIf', { numberOfKeys: 1, lua: REPLACE_IF_SCRIPT });
    this.redis.defineCommand('motcuaDeleteIf', { numberOfKeys: 1, lua: DELETE_IF_SCRIPT });
    this.scripts = this.redis as unknown as ScriptCommands;
  }

  async hit(limits: readonly WindowLimit[], nowMs: number): Promise<LimitHit> {
    if (limits.length === 0) return { admitted: true, counts: [] };
    const keys = limits.flatMap((limit) => {
      const window = windowKeys(limit, nowMs);
      return [this.key(window.current), this.key(window.previous)];
    });
    const args = [nowMs, ...limits.flatMap((limit) => [limit.limit, limit.windowMs])];
    const [admitted, ...counts] = await this.scripts.motcuaHit(keys.length, ...keys, ...args);
    return { admitted: admitted === 1, counts: limits.map((_, i) => ({ previous: counts[2 * i], current: counts[2 * i + 1] })) };
  }

  async putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(key), value, 'PX', ttlMs, 'NX')) === 'OK';
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(this.key(key));
  }

  async replaceIf(key: string, expected: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.scripts.motcuaReplaceIf(this.key(key), expected, value, ttlMs)) === 1;
  }

  async deleteIf(key: string, expected: string): Promise<boolean> {
    return (await this.scripts.motcuaDeleteIf(this.key(key), expected)) === 1;
  }

  /** Redis' round trip, for readiness. */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit();
    // Not connected (yet, or any more): stop reconnecting, nothing to say goodbye to.
    else this.redis.disconnect();
  }

  private key(key: string): string {
    return `${this.prefix}${key}`;
  }
}
