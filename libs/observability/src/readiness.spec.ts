import { Readiness } from './readiness';

describe('Readiness', () => {
  it('is ready when every check passes', async () => {
    const readiness = new Readiness();
    readiness.register('database', async () => undefined);
    await expect(readiness.report()).resolves.toEqual({ ready: true, checks: { database: { ok: true } } });
  });

  it('names the failing check and its error', async () => {
    const readiness = new Readiness();
    readiness.register('database', async () => undefined);
    readiness.register('kafka', async () => {
      throw new Error('broker unreachable');
    });
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.checks.kafka).toEqual({ ok: false, error: 'broker unreachable' });
  });

  it('stays ready, naming the failure, when only a non-critical check fails', async () => {
    const readiness = new Readiness();
    readiness.register('database', async () => undefined);
    readiness.register('evaluation', async () => {
      throw new Error('UNREACHABLE');
    }, { critical: false });
    await expect(readiness.report()).resolves.toEqual({
      ready: true,
      checks: { database: { ok: true }, evaluation: { ok: false, error: 'UNREACHABLE', critical: false } },
    });
  });

  it('fails a check that hangs', async () => {
    const readiness = new Readiness();
    readiness.register('slow', () => new Promise(() => undefined));
    const report = await readiness.report(20);
    expect(report.checks.slow).toEqual({ ok: false, error: 'timed out after 20 ms' });
  });

  it('is unready while shutting down', async () => {
    const readiness = new Readiness();
    readiness.markShuttingDown();
    expect((await readiness.report()).ready).toBe(false);
  });
});
