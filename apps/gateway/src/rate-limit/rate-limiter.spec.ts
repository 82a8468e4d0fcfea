import { MemoryGatewayStore } from '../store/memory-gateway-store';
import type { GatewayStore } from '../store/gateway-store';
import { rateLimitHeaders, RateLimiter } from './rate-limiter';

const policies = {
  client: { name: 'client' as const, limit: 3, windowMs: 10_000 },
  tenant: { name: 'tenant' as const, limit: 5, windowMs: 10_000 },
};

describe('RateLimiter', () => {
  let now: number;
  let store: MemoryGatewayStore;
  const warnings: unknown[] = [];
  const logger = { warn: (fields: unknown) => void warnings.push(fields) };
  const limiter = () => new RateLimiter(store, policies, logger, () => now);

  beforeEach(() => {
    now = 1_000_000_000_000; // a window boundary: the previous window is empty
    store = new MemoryGatewayStore(() => now);
    warnings.length = 0;
  });

  afterEach(() => store.close());

  it('lets a client make its limit of requests, then refuses with the wait and the headers of a 429', async () => {
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limiter().check({ client: 'an', tenantId: 'hung-yen' }));
    expect(verdicts.map((v) => [v?.admitted, v?.binding.name, v?.binding.remaining])).toEqual([
      [true, 'client', 2],
      [true, 'client', 1],
      [true, 'client', 0],
      [false, 'client', 0],
    ]);
    const refused = verdicts[3];
    if (!refused) throw new Error('the fourth request must get a verdict');
    expect(rateLimitHeaders(refused)).toEqual({
      'RateLimit-Limit': '3',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '14',
      'RateLimit-Policy': '3;w=10;comment="client"',
      'Retry-After': '14',
    });
  });

  it('refuses every client of a tenant over the tenant limit, counting the refused in neither', async () => {
    const clients = ['a', 'b', 'c', 'd', 'e', 'f'];
    const verdicts = [];
    for (const client of clients) verdicts.push(await limiter().check({ client, tenantId: 'hung-yen' }));
    expect(verdicts.map((v) => v?.admitted)).toEqual([true, true, true, true, true, false]);
    expect(verdicts[5]?.binding.name).toBe('tenant');
    // Client f was refused: its own count is untouched, so in another tenant it still has its 3.
    const elsewhere = await limiter().check({ client: 'f', tenantId: 'thai-nguyen' });
    expect([elsewhere?.admitted, elsewhere?.binding.remaining]).toEqual([true, 2]);
  });

  it('lets the request through, and says so in the log, when the store cannot be reached', async () => {
    const broken: GatewayStore = Object.assign(Object.create(MemoryGatewayStore.prototype) as GatewayStore, {
      backend: 'redis' as const,
      hit: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    });
    const verdict = await new RateLimiter(broken, policies, logger, () => now).check({ client: 'an', tenantId: 'hung-yen' });
    expect(verdict).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ backend: 'redis' })]);
  });

  it('applies no limit set to 0', async () => {
    const open = new RateLimiter(store, { client: { ...policies.client, limit: 0 }, tenant: { ...policies.tenant, limit: 0 } }, logger, () => now);
    expect(await open.check({ client: 'an', tenantId: 'hung-yen' })).toBeUndefined();
  });
});
