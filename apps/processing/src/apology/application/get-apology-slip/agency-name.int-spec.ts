import { freePort } from '@motcua/testing';
import { newTraceId, runInTenant } from '@motcua/tenancy';
import { GrpcProcessingCatalogue } from '../../../workflow/adapters/catalogue.grpc';
import { slipAgencyName } from './agency-name';

describe('slipAgencyName when the catalogue cannot answer', () => {
  it('still prints the slip, with the agency code', async () => {
    // Nothing listens on a fresh free port: the real adapter fails as with a catalogue that is down.
    const catalogue = new GrpcProcessingCatalogue(`127.0.0.1:${await freePort()}`, 500);
    try {
      await runInTenant({ tenantId: 'hung-yen', traceId: newTraceId(), actor: { subject: 'lead-1', roles: ['leader'], agencyId: '000.24.11.H33' } }, async () => {
        await expect(catalogue.agencyNames()).rejects.toThrow();
        expect(await slipAgencyName(catalogue, '000.24.11.H33')).toBe('000.24.11.H33');
      });
    } finally {
      catalogue.onApplicationShutdown();
    }
  });
});
