import { CorsPolicy } from './cors';

describe('CorsPolicy', () => {
  const policy = new CorsPolicy(
    { 'hung-yen': ['https://dichvucong.hungyen.gov.vn'], hue: ['https://dichvucong.hue.gov.vn'], '*': ['https://dichvucong.gov.vn'] },
    { 'api.hue.gov.vn': 'hue' },
  );

  it("allows a province's origins for that province only, and `*` origins for every request", () => {
    expect(policy.allows('https://dichvucong.hungyen.gov.vn', 'hung-yen')).toBe(true);
    expect(policy.allows('https://dichvucong.hungyen.gov.vn', 'hue')).toBe(false);
    expect(policy.allows('https://dichvucong.hungyen.gov.vn', undefined)).toBe(false);
    expect(policy.allows('https://dichvucong.gov.vn', 'hue')).toBe(true);
    expect(policy.allows('https://dichvucong.gov.vn', undefined)).toBe(true);
    expect(policy.allows('https://evil.example', 'hue')).toBe(false);
  });

  it('lets a preflight through for an origin some province allows', () => {
    expect(policy.allowsForSomeTenant('https://dichvucong.hue.gov.vn')).toBe(true);
    expect(policy.allowsForSomeTenant('https://evil.example')).toBe(false);
  });

  it('reads the province from X-Tenant-Id, else from the host', () => {
    expect(policy.tenantOf({ headers: { 'x-tenant-id': 'hung-yen', host: 'api.hue.gov.vn' } })).toBe('hung-yen');
    expect(policy.tenantOf({ headers: { host: 'API.HUE.GOV.VN:443' } })).toBe('hue');
    expect(policy.tenantOf({ headers: { 'x-tenant-id': 'Not A Tenant', host: 'localhost' } })).toBeUndefined();
  });

  it('refuses a configuration naming no tenant or no origin', () => {
    expect(() => new CorsPolicy({ 'Hung Yen': ['https://a.vn'] })).toThrow(/not a tenant id/);
    expect(() => new CorsPolicy({ hue: ['https://a.vn/path'] })).toThrow(/not origins/);
  });
});
