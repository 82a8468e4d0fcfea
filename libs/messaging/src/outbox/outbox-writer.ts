import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, findEventDefinition, parseEventData, UnknownEventTypeError } from '@motcua/contracts';
import { currentTenant, toTraceparent } from '@motcua/tenancy';
import { encodeEvent } from '../envelope-codec';
import { OutboxError, TransactionRequiredError } from '../messaging.errors';
import { outboxChannel, outboxTableName } from './outbox-sql';

export interface OutboxEvent {
  /** A registered event type, e.g. `dossier.submitted`. */
  type: string;
  /** The aggregate id (CloudEvents `subject`). */
  subject: string;
  data: unknown;
  /** Kafka message key; default the subject, so one aggregate's events stay in order. */
  key?: string;
}

/**
 * Appends events to the service's outbox inside the caller's tenant transaction, so the
 * event commits or rolls back with the state change. The relay publishes it later.
 */
export class OutboxWriter {
  private readonly source: string;
  private readonly insertSql: string;

  constructor(readonly service: string) {
    this.source = `/motcua/${service}`;
    // One round trip: the row, and a notification the relays get when the transaction commits
    // (PostgreSQL folds a transaction's identical notifications into one).
    this.insertSql =
      `WITH appended AS (INSERT INTO ${outboxTableName(service)} (tenant_id, id, topic, message_key, type, headers, data) ` +
      `VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)) SELECT pg_notify('${outboxChannel(service)}', '')`;
  }

  /**
   * Validates the data against the contracts schema (EventSchemaError), builds the envelope
   * from the tenant context and inserts it with the given manager, which must be in a transaction.
   */
  async append(manager: EntityManager, event: OutboxEvent): Promise<EventEnvelope> {
    const definition = findEventDefinition(event.type);
    if (!definition) throw new UnknownEventTypeError(event.type);
    if (!manager.queryRunner?.isTransactionActive) {
      throw new TransactionRequiredError('OutboxWriter.append');
    }
    if (event.subject === '') throw new OutboxError('An outbox event needs a subject (the aggregate id)');
    const data = parseEventData(event.type, event.data);
    const context = currentTenant();
    const envelope: EventEnvelope = {
      specversion: '1.0',
      id: randomUUID(),
      source: this.source,
      type: event.type,
      time: new Date().toISOString(),
      subject: event.subject,
      datacontenttype: 'application/json',
      dataschema: definition.dataschema,
      tenantid: context.tenantId,
      traceparent: toTraceparent(context.traceId),
      data,
    };
    const { key, headers } = encodeEvent(envelope, event.key ?? event.subject);
    // No RETURNING: the app role has no SELECT on the outbox.
    await manager.query(this.insertSql, [
      envelope.tenantid,
      envelope.id,
      definition.topic,
      key,
      envelope.type,
      JSON.stringify(headers),
      JSON.stringify(data),
    ]);
    return envelope;
  }
}
