import { contextFromCarrier, contextToCarrier, CarrierKeys } from './carrier';
import { currentTenant, runInTenant, tryCurrentTenant } from './tenant-context';
import { InvalidTenantIdError, TenantRequiredError } from './tenancy.errors';

describe('tenant context', () => {
  it('is visible across awaits inside runInTenant and absent outside', async () => {
    expect(tryCurrentTenant()).toBeUndefined();
    const seen = await runInTenant({ tenantId: 'hung-yen', traceId: 'a'.repeat(32) }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTenant().tenantId;
    });
    expect(seen).toBe('hung-yen');
    expect(() => currentTenant()).toThrow(TenantRequiredError);
  });

  it('keeps concurrent units of work apart', async () => {
    const run = (tenantId: string, delay: number) =>
      runInTenant({ tenantId, traceId: 'b'.repeat(32) }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        return currentTenant().tenantId;
      });
    await expect(Promise.all([run('ha-noi', 5), run('hue', 1)])).resolves.toEqual(['ha-noi', 'hue']);
  });

  it.each(['', 'Ha-Noi', "x'; drop table", '1abc', 'a'])('refuses the malformed tenant id %p', (tenantId) => {
    expect(() => runInTenant({ tenantId, traceId: 'c'.repeat(32) }, () => 1)).toThrow(InvalidTenantIdError);
  });
});

describe('carrier', () => {
  it('round-trips tenant, trace and actor', () => {
    const context = {
      tenantId: 'thai-nguyen',
      traceId: '0123456789abcdef0123456789abcdef',
      actor: { subject: 'u1', roles: ['desk_officer'], agencyId: 'ag-1' },
    };
    const carrier = contextToCarrier(context);
    expect(carrier[CarrierKeys.traceparent]).toMatch(/^00-0123456789abcdef0123456789abcdef-[0-9a-f]{16}-01$/);
    expect(contextFromCarrier((key) => carrier[key])).toEqual(context);
  });

  it('refuses a carrier without a tenant', () => {
    expect(() => contextFromCarrier(() => undefined)).toThrow(TenantRequiredError);
  });

  it('starts a new trace when none is carried', () => {
    const context = contextFromCarrier((key) => (key === CarrierKeys.tenant ? 'hue' : undefined));
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
