import { Readiness } from '@motcua/observability';
import { DependencyHealth, HealthProbe } from './dependency-health';

const urls = { tenants: 't:1', catalogue: 'c:1', intake: 'i:1', processing: 'p:1', evaluation: 'e:1' };

function healthWith(answers: Record<string, string | Error>): DependencyHealth {
  const probe: HealthProbe = async (url) => {
    const answer = answers[url] ?? 'SERVING';
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return new DependencyHealth(urls, { intervalMs: 0, timeoutMs: 100, probe });
}

describe('DependencyHealth', () => {
  it('counts a service as available until it is found down, and again once it serves', async () => {
    const answers: Record<string, string | Error> = {};
    const health = healthWith(answers);
    expect(health.isAvailable('evaluation')).toBe(true);
    health.markUnreachable('evaluation', 'connection refused');
    expect(health.isAvailable('evaluation')).toBe(false);
    expect(health.isAvailable('intake')).toBe(true);
    await health.checkAll();
    expect(health.state('evaluation').status).toBe('SERVING');
    answers['e:1'] = 'NOT_SERVING';
    await health.check('evaluation');
    expect(health.state('evaluation').status).toBe('NOT_SERVING');
    expect(health.isAvailable('evaluation')).toBe(true); // one failed probe may be a slow moment
    await health.check('evaluation');
    expect(health.isAvailable('evaluation')).toBe(false);
    answers['e:1'] = 'SERVING';
    await health.check('evaluation');
    expect(health.isAvailable('evaluation')).toBe(true);
  });

  it('reports each service in readiness; only the tenant registry can make the gateway unready', async () => {
    const answers: Record<string, string | Error> = { 'e:1': new Error('14 UNAVAILABLE: connect ECONNREFUSED') };
    const readiness = new Readiness();
    healthWith(answers).registerReadiness(readiness);
    const degraded = await readiness.report();
    expect(degraded.ready).toBe(true);
    expect(degraded.checks.evaluation).toEqual({ ok: false, critical: false, error: 'UNREACHABLE: 14 UNAVAILABLE: connect ECONNREFUSED' });
    expect(degraded.checks.intake).toEqual({ ok: true, critical: false });
    answers['t:1'] = 'NOT_SERVING';
    const unready = await readiness.report();
    expect(unready.ready).toBe(false);
    expect(unready.checks.tenants).toEqual({ ok: false, error: 'NOT_SERVING' });
  });
});
