import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { hitAll, WindowCounts, windowIndex, WindowLimit } from '../rate-limit/sliding-window';
import { GatewayStore } from './gateway-store';
import { MemoryGatewayStore } from './memory-gateway-store';
import { RedisGatewayStore } from './redis-gateway-store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This file's keys only: removed at the end. */
const PREFIX = `motcua:test:gateway-store:${randomUUID()}:`;

interface Backend {
  name: string;
  /** Two handles on the same state, as two gateway replicas have. */
  replicas(): [GatewayStore, GatewayStore];
}

const opened: GatewayStore[] = [];
const backends: Backend[] = [
  {
    name: 'memory',
    replicas: () => {
      const store = new MemoryGatewayStore();
      opened.push(store);
      return [store, store];
    },
  },
  {
    name: 'redis',
    replicas: () => {
      const pair: [GatewayStore, GatewayStore] = [
        new RedisGatewayStore({ url: REDIS_URL, keyPrefix: PREFIX }),
        new RedisGatewayStore({ url: REDIS_URL, keyPrefix: PREFIX }),
      ];
      opened.push(...pair);
      return pair;
    },
  },
];

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const minute = 60_000;
/** A fixed, window-aligned "now" far from the wall clock: counters are placed by it, not by Redis' time. */
const T0 = 1_800_000_000_000;

describe.each(backends)('the $name gateway store', (backend) => {
  let a: GatewayStore;
  let b: GatewayStore;
  let test = 0;
  const key = (name: string) => `${name}:${++test}`;

  beforeAll(() => {
    [a, b] = backend.replicas();
  });

  it('lets exactly one of many concurrent claims take a key, across replicas', async () => {
    const k = key('claim');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).putIfAbsent(k, `owner-${i}`, minute)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await a.get(k)).toBe(`owner-${winner}`);
    expect(await b.get(k)).toBe(`owner-${winner}`);
  });

  it('forgets a key after its time to live', async () => {
    const k = key('ttl');
    expect(await a.putIfAbsent(k, 'v', 60)).toBe(true);
    expect(await a.putIfAbsent(k, 'w', 60)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await b.get(k)).toBeNull();
    expect(await b.putIfAbsent(k, 'w', minute)).toBe(true);
  });

  it('replaces and deletes a value only while it is still the one expected', async () => {
    const k = key('cas');
    await a.putIfAbsent(k, 'marker-1', minute);
    expect(await b.replaceIf(k, 'marker-2', 'answer', minute)).toBe(false);
    expect(await b.deleteIf(k, 'marker-2')).toBe(false);
    expect(await a.get(k)).toBe('marker-1');
    expect(await b.replaceIf(k, 'marker-1', 'answer', minute)).toBe(true);
    expect(await a.get(k)).toBe('answer');
    expect(await a.deleteIf(k, 'marker-1')).toBe(false);
    expect(await a.deleteIf(k, 'answer')).toBe(true);
    expect(await b.get(k)).toBeNull();
  });

  it('admits exactly the limit out of a concurrent burst, however the replicas share it', async () => {
    const limit: WindowLimit = { key: key('burst'), limit: 10, windowMs: minute };
    const hits = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).hit([limit], T0 + 5)));
    expect(hits.filter((hit) => hit.admitted)).toHaveLength(10);
    expect(Math.max(...hits.map((hit) => hit.counts[0].current))).toBe(10);
  });

  it('decides every request exactly as the sliding-window arithmetic does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 4_000 }), tenantToo: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        async (clientLimit, tenantLimit, requests) => {
          const run = ++test;
          const windowMs = 5_000;
          const client: WindowLimit = { key: `client:${run}`, limit: clientLimit, windowMs };
          const tenant: WindowLimit = { key: `tenant:${run}`, limit: tenantLimit, windowMs };
          const model = new Map<string, number>();
          const countsOf = (limit: WindowLimit, now: number): WindowCounts => ({
            previous: model.get(`${limit.key}:${windowIndex(now, windowMs) - 1}`) ?? 0,
            current: model.get(`${limit.key}:${windowIndex(now, windowMs)}`) ?? 0,
          });
          let now = T0;
          for (const request of requests) {
            now += request.gap;
            const limits = request.tenantToo ? [client, tenant] : [client];
            const expected = hitAll(limits.map((limit) => countsOf(limit, now)), limits, now);
            const actual = await (now % 2 ? a : b).hit(limits, now);
            expect(actual).toEqual(expected);
            if (expected.admitted) limits.forEach((limit, i) => model.set(`${limit.key}:${windowIndex(now, windowMs)}`, expected.counts[i].current));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('under the idempotency service', () => {
    const options = { ttlMs: minute, lockTtlMs: 5_000, waitMs: 2_000, pollMs: 10 };

    it('runs one of ten concurrent requests with the same key; the others get its answer', async () => {
      const storeKey = key('idem');
      const services = [new IdempotencyService(a, options), new IdempotencyService(b, options)];
      let executions = 0;
      const answers = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const service = services[i % 2];
          const start = await service.start(storeKey, 'fingerprint-1');
          if (start.kind === 'replay') return { replayed: true, ...start.answer };
          executions++;
          await new Promise((resolve) => setTimeout(resolve, 100));
          const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: `{"id":"dossier-${i}"}` };
          expect(await service.complete(start.claim, answer)).toBe(true);
          return { replayed: false, ...answer };
        }),
      );
      expect(executions).toBe(1);
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      expect(answers.filter((answer) => answer.replayed)).toHaveLength(9);
    });

    it('refuses the key with another fingerprint (422), in progress or done', async () => {
      const storeKey = key('idem');
      const service = new IdempotencyService(a, options);
      const first = await service.start(storeKey, 'fingerprint-1');
      const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'none', (error: unknown) => (error instanceof GatewayError ? error.code : String(error)));
      expect(await codeOf(new IdempotencyService(b, options).start(storeKey, 'fingerprint-2'))).toBe(GatewayErrorCode.IdempotencyKeyReused);
      if (first.kind !== 'execute') throw new Error('the first request must run');
      await service.complete(first.claim, { status: 201, headers: {}, body: '{}' });
      expect(await codeOf(new IdempotencyService(b, options).start(storeKey, 'fingerprint-2'))).toBe(GatewayErrorCode.IdempotencyKeyReused);
      expect(await new IdempotencyService(b, options).start(storeKey, 'fingerprint-1')).toMatchObject({ kind: 'replay', answer: { status: 201 } });
    });

    it('answers 409 to a retry that waited in vain, and lets a retry run once the claim is released', async () => {
      const storeKey = key('idem');
      const impatient = new IdempotencyService(b, { ...options, waitMs: 50 });
      const first = await new IdempotencyService(a, options).start(storeKey, 'f');
      if (first.kind !== 'execute') throw new Error('the first request must run');
      await expect(impatient.start(storeKey, 'f')).rejects.toMatchObject({ code: GatewayErrorCode.IdempotencyInProgress });
      expect(await new IdempotencyService(a, options).release(first.claim)).toBe(true);
      expect(await impatient.start(storeKey, 'f')).toMatchObject({ kind: 'execute' });
    });
  });
});

describe('the redis gateway store without redis', () => {
  it('fails a command fast instead of waiting for a server that is not there', async () => {
    const store = new RedisGatewayStore({ url: 'redis://127.0.0.1:1', keyPrefix: PREFIX, commandTimeoutMs: 300, connectTimeoutMs: 300, onError: () => undefined });
    const started = Date.now();
    await expect(store.putIfAbsent('k', 'v', minute)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await store.close();
  });

  it('makes a keyed request fail with 503 IDEMPOTENCY_UNAVAILABLE, not run unprotected', async () => {
    const store = new RedisGatewayStore({ url: 'redis://127.0.0.1:1', keyPrefix: PREFIX, commandTimeoutMs: 300, connectTimeoutMs: 300, onError: () => undefined });
    await expect(new IdempotencyService(store, { ttlMs: minute, lockTtlMs: 5_000, waitMs: 0 }).start('k', 'f')).rejects.toMatchObject({
      code: GatewayErrorCode.IdempotencyUnavailable,
      category: 'unavailable',
    });
    await store.close();
  });
});
