import { AuditRecordedV1 } from '@motcua/contracts';
import { decodeEvent, EventPublisher, MessagingLogger, OutgoingMessage } from '@motcua/messaging';
import type { AuditRecordedData } from './audit-entry';
import { AuditTrail } from './audit-trail';

const entry = (n: number): AuditRecordedData => ({
  auditId: `0190f3a2-7c4e-7b1a-8d2e-${String(n).padStart(12, '0')}`,
  occurredAt: '2026-11-26T03:00:00.120Z',
  actorSubject: 'hy-2f4a9c7e-admn-0004',
  actorRoles: ['tenant_admin'],
  method: 'POST',
  route: '/v1/procedures',
  resourceId: null,
  status: 201,
  replayed: false,
  clientIp: '127.0.0.1',
  userAgent: null,
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
});

class FlakyPublisher implements EventPublisher {
  readonly published: OutgoingMessage[][] = [];
  constructor(private failures: number) {}

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (this.failures-- > 0) throw new Error('There is no leader for this topic-partition');
    this.published.push(messages);
  }
}

function recordingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const logger: MessagingLogger = {
    info: (fields, message) => void lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => void lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => void lines.push({ level: 'error', fields, message }),
  };
  return { lines, logger };
}

const fast = { initialBackoffMs: 1, maxBackoffMs: 2 };

describe('AuditTrail', () => {
  it('publishes each entry as a CloudEvent of its tenant on the audit topic, in batches', async () => {
    const publisher = new FlakyPublisher(0);
    const outcomes: [string, number][] = [];
    const trail = new AuditTrail(publisher, recordingLogger().logger, { ...fast, maxBatch: 2, onOutcome: (outcome, count) => outcomes.push([outcome, count]) });
    for (let i = 1; i <= 5; i++) trail.record(i % 2 ? 'hung-yen' : 'thai-nguyen', entry(i));
    await trail.drain(1_000);
    const messages = publisher.published.flat();
    expect(messages).toHaveLength(5);
    expect(publisher.published.map((batch) => batch.length)).toEqual([1, 2, 2]);
    const first = decodeEvent(messages[0]);
    expect(messages[0].topic).toBe(AuditRecordedV1.topic);
    expect(first).toMatchObject({ id: entry(1).auditId, type: 'audit.recorded', tenantid: 'hung-yen', subject: entry(1).auditId, data: entry(1) });
    expect(first.traceparent).toContain(entry(1).traceId);
    expect(decodeEvent(messages[1]).tenantid).toBe('thai-nguyen');
    expect(outcomes.reduce((sum, [, count]) => sum + count, 0)).toBe(5);
  });

  it('retries while Kafka refuses, then publishes', async () => {
    const publisher = new FlakyPublisher(3);
    const { lines, logger } = recordingLogger();
    const trail = new AuditTrail(publisher, logger, { ...fast, retries: 5 });
    trail.record('hung-yen', entry(1));
    await trail.drain(1_000);
    expect(publisher.published.flat()).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(3);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('gives an entry up after its retries with an error naming its ids (and no body)', async () => {
    const { lines, logger } = recordingLogger();
    const outcomes: string[] = [];
    const trail = new AuditTrail(new FlakyPublisher(100), logger, { ...fast, retries: 2, onOutcome: (outcome) => outcomes.push(outcome) });
    trail.record('hung-yen', entry(7));
    await trail.drain(1_000);
    expect(lines.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'audit entry lost: not published to Kafka',
        fields: expect.objectContaining({ auditId: entry(7).auditId, tenantId: 'hung-yen', traceId: entry(7).traceId, route: '/v1/procedures', status: 201 }),
      },
    ]);
    expect(outcomes).toEqual(['lost']);
  });

  it('does not hold more than its queue: what does not fit is logged as lost at once', async () => {
    const { lines, logger } = recordingLogger();
    const publisher = new FlakyPublisher(0);
    const trail = new AuditTrail(publisher, logger, { ...fast, maxQueue: 2 });
    // The first entry is taken into a batch at once; two more wait; the fourth does not fit.
    for (let i = 1; i <= 4; i++) trail.record('hung-yen', entry(i));
    await trail.drain(1_000);
    expect(publisher.published.flat()).toHaveLength(3);
    expect(lines.filter((line) => line.level === 'error').map((line) => line.fields.auditId)).toEqual([entry(4).auditId]);
  });

  it('refuses, as lost, an entry its own schema does not accept (a defect), without throwing', () => {
    const { lines, logger } = recordingLogger();
    const trail = new AuditTrail(new FlakyPublisher(0), logger, fast);
    expect(() => trail.record('hung-yen', { ...entry(1), route: '/v1/dossiers?x=1' })).not.toThrow();
    expect(lines.map((line) => line.level)).toEqual(['error']);
  });
});
