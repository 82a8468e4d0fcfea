import { AuditRecordedV1, EventEnvelope, parseEventData } from '@motcua/contracts';
import { encodeEvent, errorFields, EventPublisher, MessagingLogger, OutgoingMessage } from '@motcua/messaging';
import { toTraceparent } from '@motcua/tenancy';
import type { AuditRecordedData } from './audit-entry';

export interface AuditTrailOptions {
  /** Entries per Kafka request. Default 200. */
  maxBatch?: number;
  /** Entries waiting at most; beyond, new ones are lost (and logged). Default 10 000. */
  maxQueue?: number;
  /** Attempts after the first before a batch is given up. Default 6 (about 15 s). */
  retries?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Counts entries published and lost, for metrics. */
  onOutcome?: (outcome: 'published' | 'lost', count: number) => void;
}

interface Pending {
  message: OutgoingMessage;
  ids: { auditId: string; tenantId: string; traceId: string; route: string; status: number };
}

const SOURCE = '/motcua/gateway';

/**
 * Publishes audit entries to `motcua.audit.v1` after the answer went out. The gateway has no
 * database, hence no outbox: entries wait in memory, go out in batches, and a batch Kafka
 * keeps refusing is retried with back-off and then given up with an error log naming every
 * entry's ids (ADR 0005). Nothing here can fail or slow a request.
 */
export class AuditTrail {
  private readonly queue: Pending[] = [];
  private flushing?: Promise<void>;
  private readonly options: Required<Omit<AuditTrailOptions, 'onOutcome'>> & Pick<AuditTrailOptions, 'onOutcome'>;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly logger: MessagingLogger,
    options: AuditTrailOptions = {},
  ) {
    this.options = { maxBatch: 200, maxQueue: 10_000, retries: 6, initialBackoffMs: 200, maxBackoffMs: 5_000, ...options };
  }

  record(tenantId: string, data: AuditRecordedData): void {
    const ids = { auditId: data.auditId, tenantId, traceId: data.traceId, route: data.route, status: data.status };
    let message: OutgoingMessage;
    try {
      const envelope: EventEnvelope = {
        specversion: '1.0',
        id: data.auditId,
        source: SOURCE,
        type: AuditRecordedV1.type,
        time: data.occurredAt,
        subject: data.auditId,
        datacontenttype: 'application/json',
        dataschema: AuditRecordedV1.dataschema,
        tenantid: tenantId,
        traceparent: toTraceparent(data.traceId),
        data: parseEventData(AuditRecordedV1.type, data),
      };
      message = { topic: AuditRecordedV1.topic, ...encodeEvent(envelope) };
    } catch (error) {
      // Handled: a defect (an entry its own schema refuses) must not fail the answered request; it is logged as lost.
      this.lost([{ ids, message: { topic: AuditRecordedV1.topic, key: null, value: null, headers: {} } }], error);
      return;
    }
    if (this.queue.length >= this.options.maxQueue) {
      this.lost([{ ids, message }], new Error(`audit queue full (${this.options.maxQueue} entries waiting)`));
      return;
    }
    this.queue.push({ message, ids });
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
    });
  }

  /** Resolves when every entry waiting now was published or given up, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.settled(), timeout]);
    clearTimeout(timer);
  }

  /** Entries not yet published. */
  get waiting(): number {
    return this.queue.length;
  }

  private async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      await this.publish(batch);
    }
  }

  private async publish(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.publisher.publish(batch.map((entry) => entry.message));
        this.options.onOutcome?.('published', batch.length);
        return;
      } catch (error) {
        // Handled: retried with back-off, then given up and logged entry by entry.
        if (attempt >= this.options.retries) return this.lost(batch, error);
        const waitMs = Math.min(this.options.initialBackoffMs * 2 ** attempt, this.options.maxBackoffMs);
        this.logger.warn({ entries: batch.length, attempt: attempt + 1, retryInMs: waitMs, ...errorFields(error) }, 'audit entries not published yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  private lost(batch: Pending[], error: unknown): void {
    for (const { ids } of batch) this.logger.error({ ...ids, ...errorFields(error) }, 'audit entry lost: not published to Kafka');
    this.options.onOutcome?.('lost', batch.length);
  }
}
