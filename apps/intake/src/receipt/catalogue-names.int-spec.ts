import { freePort } from '@motcua/testing';
import { newTraceId, runInTenant } from '@motcua/tenancy';
import { GrpcProcedureCatalogue } from '../dossier/adapters/procedure-catalogue.grpc';
import { slipStructureNames } from './catalogue-names';

describe('slipStructureNames when the catalogue cannot answer', () => {
  it('still prints the slip, with the agency and desk codes', async () => {
    // Nothing listens on a fresh free port: the real adapter fails as with a catalogue that is down.
    const catalogue = new GrpcProcedureCatalogue(`127.0.0.1:${await freePort()}`, 500);
    try {
      const names = await runInTenant({ tenantId: 'hung-yen', traceId: newTraceId(), actor: { subject: 'citizen-an', roles: ['citizen'] } }, () =>
        slipStructureNames(catalogue, '000.00.01.H33', 'H33-PC-01'),
      );
      expect(names).toEqual({ agency: '000.00.01.H33', desk: 'H33-PC-01', resolved: false });
    } finally {
      catalogue.onApplicationShutdown();
    }
  });
});
