import { onboard } from './tenant';
import { TenantsError, TenantsErrorCode } from './tenants.errors';

const now = new Date('2026-11-26T03:00:00Z');

describe('onboard', () => {
  it('turns a valid proposal into an active tenant', () => {
    expect(onboard({ id: 'hung-yen', officialCode: '33', name: '  Hưng Yên ' }, now)).toEqual({
      id: 'hung-yen',
      officialCode: '33',
      name: 'Hưng Yên',
      status: 'active',
      onboardedAt: now,
    });
  });

  it('reports every invalid field at once', () => {
    let caught: unknown;
    try {
      onboard({ id: 'Hung Yen', officialCode: '333', name: '' }, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TenantsError);
    const error = caught as TenantsError;
    expect(error.code).toBe(TenantsErrorCode.InvalidTenant);
    expect(error.category).toBe('invalid');
    expect(error.details.errors?.map((e) => e.field)).toEqual(['id', 'officialCode', 'name']);
  });
});
