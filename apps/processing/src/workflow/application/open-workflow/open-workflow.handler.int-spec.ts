import { randomBytes, randomUUID } from 'node:crypto';
import { RetryLaterError } from '@motcua/messaging';
import { runInTenant } from '@motcua/tenancy';
import { freePort } from '@motcua/testing';
import { GrpcProcessingCatalogue } from '../../adapters/catalogue.grpc';
import { OpenWorkflowHandler } from './open-workflow.handler';

describe('opening a workflow while the catalogue does not answer', () => {
  it('asks for the event to be retried later instead of failing it for good', async () => {
    // The real gRPC adapter, towards a port nobody listens on.
    const catalogue = new GrpcProcessingCatalogue(`127.0.0.1:${await freePort()}`, 300);
    // Nothing else is reached before the catalogue answers.
    const handler = new OpenWorkflowHandler(undefined as never, undefined as never, catalogue, undefined as never, undefined as never);
    try {
      const received = {
        dossierId: randomUUID(),
        code: '000.24.11.H33-261126-0001',
        procedureId: randomUUID(),
        procedureVersionId: randomUUID(),
        procedureCode: '1.001193',
        channel: 'desk' as const,
        nationalChannel: 1 as const,
        agencyId: '000.24.11.H33',
        receivingAgencyId: '000.24.11.H33',
        receivingDeskId: 'H33-X12250-BPMC',
        applicantPseudonym: 'a'.repeat(64),
        receivedBy: 'desk-1',
        receivedAt: '2026-11-26T03:00:00Z',
        appointmentAt: '2026-11-27T10:00:00Z',
      };
      const opening = runInTenant({ tenantId: 'hung-yen', traceId: randomBytes(16).toString('hex') }, () => handler.execute(randomUUID(), received));
      await expect(opening).rejects.toBeInstanceOf(RetryLaterError);
    } finally {
      catalogue.onApplicationShutdown();
    }
  });
});
