import fc from 'fast-check';
import { admits, hitAll, retryAfterMs, WindowCounts, windowIndex, WindowLimit, windowState } from './sliding-window';

const W = 60_000;
const at = (windowNumber: number, elapsedMs: number) => windowNumber * W + elapsedMs;

describe('sliding window arithmetic', () => {
  it.each([
    // [previous, current, elapsed, limit, admitted]
    [0, 9, 0, 10, true],
    [0, 10, 0, 10, false],
    [10, 0, 0, 10, false], // the previous window still weighs fully at the start
    [10, 0, 6_000, 10, true], // 10 × 54/60 = 9 in use: one more fits
    [10, 0, 5_999, 10, false], // 10 × 54.001/60 > 9
    [10, 5, 30_000, 10, false], // 5 + 5 = 10 in use
    [10, 4, 30_000, 10, true], // 5 + 4 = 9
  ])('previous %i, current %i, %i ms into the window, limit %i: admitted %p', (previous, current, elapsed, limit, expected) => {
    expect(admits({ previous, current }, limit, W, at(7, elapsed))).toBe(expected);
  });

  it('names the fixed window a time falls in', () => {
    expect([windowIndex(at(3, 0), W), windowIndex(at(3, W - 1), W), windowIndex(at(4, 0), W)]).toEqual([3, 3, 4]);
  });

  it('tells how long to wait: while the previous window fades, or into the next window', () => {
    // 10 × (60 − e)/60 ≤ 9 from e = 6 s on: 6 s − 1 s elapsed.
    expect(retryAfterMs({ previous: 10, current: 0 }, 10, W, at(7, 1_000))).toBe(5_000);
    // The current window alone is full: its 10 become the previous of the next, fitting 9 after 6 s more.
    expect(retryAfterMs({ previous: 0, current: 10 }, 10, W, at(7, 50_000))).toBe(10_000 + 6_000);
    // Limit 1: a whole window must fade.
    expect(retryAfterMs({ previous: 0, current: 1 }, 1, W, at(7, 20_000))).toBe(40_000 + W);
    expect(retryAfterMs({ previous: 3, current: 2 }, 10, W, at(7, 0))).toBe(0);
  });

  it('counts a request in every limit, or in none', () => {
    const limits: WindowLimit[] = [
      { key: 'client:a', limit: 5, windowMs: W },
      { key: 'tenant:t', limit: 100, windowMs: W },
    ];
    expect(hitAll([{ previous: 0, current: 4 }, { previous: 0, current: 50 }], limits, at(2, 0))).toEqual({
      admitted: true,
      counts: [{ previous: 0, current: 5 }, { previous: 0, current: 51 }],
    });
    expect(hitAll([{ previous: 0, current: 5 }, { previous: 0, current: 50 }], limits, at(2, 0))).toEqual({
      admitted: false,
      counts: [{ previous: 0, current: 5 }, { previous: 0, current: 50 }],
    });
  });

  it('reports what remains and when the window ends', () => {
    expect(windowState({ previous: 0, current: 3 }, 10, W, at(1, 15_000), true)).toEqual({ limit: 10, windowMs: W, remaining: 7, resetMs: 45_000, retryAfterMs: 0 });
    expect(windowState({ previous: 10, current: 5 }, 10, W, at(1, 30_000), false)).toMatchObject({ remaining: 0, retryAfterMs: 6_000 });
  });
});

describe('sliding window properties', () => {
  const limit = fc.integer({ min: 1, max: 50 });
  const windowMs = fc.integer({ min: 1, max: 120_000 });
  const counts = (max: number) => fc.record({ previous: fc.integer({ min: 0, max }), current: fc.integer({ min: 0, max }) });

  it('retry-after is exact: refused one millisecond earlier, admitted then (nobody else sending)', () => {
    fc.assert(
      fc.property(limit, windowMs, counts(60), fc.integer({ min: 0, max: 10_000_000 }), (max, w, found, now) => {
        fc.pre(!admits(found, max, w, now));
        const wait = retryAfterMs(found, max, w, now);
        expect(wait).toBeGreaterThan(0);
        const later = (t: number): WindowCounts => {
          // The counts as they stand at time t, with no request in between.
          const passed = windowIndex(t, w) - windowIndex(now, w);
          if (passed === 0) return found;
          if (passed === 1) return { previous: found.current, current: 0 };
          return { previous: 0, current: 0 };
        };
        expect(admits(later(now + wait), max, w, now + wait)).toBe(true);
        expect(admits(later(now + wait - 1), max, w, now + wait - 1)).toBe(false);
      }),
    );
  });

  it('the remaining count is exactly what is admitted next at the same instant', () => {
    fc.assert(
      fc.property(limit, windowMs, counts(40), fc.integer({ min: 0, max: 10_000_000 }), (max, w, start, now) => {
        const one: WindowLimit[] = [{ key: 'k', limit: max, windowMs: w }];
        let state = start;
        const first = hitAll([state], one, now);
        fc.pre(first.admitted);
        state = first.counts[0];
        const { remaining } = windowState(state, max, w, now, true);
        for (let i = 0; i < remaining; i++) {
          const next = hitAll([state], one, now);
          expect(next.admitted).toBe(true);
          state = next.counts[0];
        }
        expect(hitAll([state], one, now).admitted).toBe(false);
      }),
    );
  });

  it('never admits more than the limit in a fixed window, nor twice the limit in any sliding one', () => {
    fc.assert(
      fc.property(
        limit,
        fc.integer({ min: 10, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }),
        (max, w, gaps) => {
          const perWindow = new Map<number, number>();
          const admittedAt: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            const index = windowIndex(now, w);
            const found = { previous: perWindow.get(index - 1) ?? 0, current: perWindow.get(index) ?? 0 };
            if (hitAll([found], [{ key: 'k', limit: max, windowMs: w }], now).admitted) {
              perWindow.set(index, found.current + 1);
              admittedAt.push(now);
            }
          }
          expect(Math.max(...perWindow.values(), 0)).toBeLessThanOrEqual(max);
          for (const t of admittedAt) expect(admittedAt.filter((u) => u > t - w && u <= t).length).toBeLessThanOrEqual(2 * max);
        },
      ),
    );
  });
});
