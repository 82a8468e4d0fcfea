import { GatewayError, GatewayErrorCode } from './gateway.errors';
import { resolveTenant } from './tenant-resolution';

const hosts = { 'dichvucong.hungyen.gov.vn': 'hung-yen' };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
  return 'none';
}

describe('resolveTenant', () => {
  it.each([
    [{ header: 'hung-yen' }, 'hung-yen'],
    [{ host: 'dichvucong.hungyen.gov.vn:443' }, 'hung-yen'],
    [{ claim: 'hung-yen' }, 'hung-yen'],
    [{ header: 'hung-yen', host: 'DICHVUCONG.HUNGYEN.GOV.VN', claim: 'hung-yen' }, 'hung-yen'],
    [{ header: 'hung-yen', host: 'localhost:8080' }, 'hung-yen'],
  ])('agreeing clues %p give %s', (clues, tenant) => {
    expect(resolveTenant(clues, hosts)).toBe(tenant);
  });

  it.each([
    [{}, GatewayErrorCode.TenantRequired],
    [{ host: 'localhost' }, GatewayErrorCode.TenantRequired],
    [{ header: 'Hung Yen' }, GatewayErrorCode.TenantRequired],
    [{ header: 'hue', claim: 'hung-yen' }, GatewayErrorCode.TenantMismatch],
    [{ header: 'hue', host: 'dichvucong.hungyen.gov.vn' }, GatewayErrorCode.TenantMismatch],
    [{ host: 'dichvucong.hungyen.gov.vn', claim: 'thai-nguyen' }, GatewayErrorCode.TenantMismatch],
  ])('clues %p are refused with %s', (clues, code) => {
    expect(codeOf(() => resolveTenant(clues, hosts))).toBe(code);
  });
});
