import { Writable } from 'node:stream';
import pino from 'pino';
import { runInTenant } from '@motcua/tenancy';
import { loggerOptions } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(loggerOptions('intake'), stream), lines };
}

describe('service logger', () => {
  it('stamps tenant and trace ids from the unit of work', () => {
    const { logger, lines } = capture();
    runInTenant({ tenantId: 'hung-yen', traceId: 'f'.repeat(32) }, () => logger.info({ dossierId: 'd1' }, 'received'));
    expect(lines[0]).toMatchObject({ service: 'intake', tenantId: 'hung-yen', traceId: 'f'.repeat(32), dossierId: 'd1' });
  });

  it('redacts personal data that slipped into a log line', () => {
    const { logger, lines } = capture();
    logger.info({ applicant: { fullName: 'Nguyễn Văn A' }, input: { citizenId: '001099000001', phone: '0912345678' } }, 'x');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('001099000001');
    expect(text).not.toContain('0912345678');
  });
});
