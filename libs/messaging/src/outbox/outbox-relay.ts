import { Client, Pool, PoolClient } from 'pg';
import { serviceDatabaseNames } from '@motcua/persistence';
import { EventPublisher, OutgoingMessage } from '../event-publisher';
import { errorFields, MessagingLogger } from '../logger';
import { backoffMs, Sleeper } from '../sleep';
import { outboxChannel, outboxTableName } from './outbox-sql';

export interface OutboxRelayOptions {
  service: string;
  /** Connection URL of the service's relay role (`motcua_<service>_relay`). */
  url: string;
  publisher: EventPublisher;
  logger: MessagingLogger;
  /** Rows per tick. Default 200. */
  batchSize?: number;
  /**
   * Poll interval when the outbox is empty and the relay is not listening for its writers'
   * notifications (before LISTEN succeeds, or while its connection is being restored). Default 30 ms.
   */
  pollIntervalMs?: number;
  /** While listening: how long an empty outbox waits without a notification (a safety net). Default 1 s. */
  listeningPollIntervalMs?: number;
  /** Back-off after a failed tick: initial, doubled up to max. Defaults 100 ms and 5 s. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Called after each published batch (metrics). */
  onPublished?: (batch: PublishedBatch) => void;
}

export interface PublishedBatch {
  count: number;
  /** Time from the oldest row's creation to its publication. */
  maxLagMs: number;
}

interface OutboxRow {
  tenant_id: string;
  id: string;
  topic: string;
  message_key: string;
  headers: unknown;
  data: unknown;
  created_at: Date;
}

/**
 * Publishes a service's outbox to Kafka, at least once, in outbox order. Each tick is one
 * transaction: take the service's advisory lock (one active relay per service keeps each key's
 * order), claim the oldest unpublished rows, publish them (acks = all), mark them, commit. A
 * failed publish rolls back and is retried with back-off: nothing is lost. An idle relay sleeps
 * until its writers' NOTIFY (or a slow safety-net poll), so an idle service costs no CPU.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly lockKey: string;
  private readonly batchSize: number;
  private readonly sleeper = new Sleeper();
  private running?: Promise<void>;
  private stopping = false;
  private listener?: Client;
  private listening = false;
  private listenFailures = 0;
  private relisten?: NodeJS.Timeout;

  constructor(private readonly options: OutboxRelayOptions) {
    serviceDatabaseNames(options.service);
    this.table = outboxTableName(options.service);
    this.lockKey = `motcua.outbox.${options.service}`;
    this.batchSize = options.batchSize ?? 200;
    this.pool = new Pool({ connectionString: options.url, max: 1, application_name: `motcua-${options.service}-relay` });
    // An idle client's connection can drop (server restart); the next checkout reconnects.
    this.pool.on('error', (error) => options.logger.warn({ service: options.service, ...errorFields(error) }, 'outbox relay idle connection lost'));
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
    void this.listen();
  }

  /** Finishes the current tick, then closes the pool. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.relisten) clearTimeout(this.relisten);
    this.sleeper.wake();
    await this.running;
    this.running = undefined;
    await this.closeListener();
    await this.pool.end();
  }

  /** Whether the relay hears its writers' notifications (else it polls every `pollIntervalMs`). */
  get isListening(): boolean {
    return this.listening;
  }

  private async listen(): Promise<void> {
    const { logger, service, url } = this.options;
    const client = new Client({ connectionString: url, application_name: `motcua-${service}-relay-listener` });
    this.listener = client;
    const lost = (error?: unknown) => {
      if (this.listener !== client) return;
      this.listening = false;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (this.stopping) return;
      const waitMs = backoffMs(this.listenFailures, this.options.retryInitialMs ?? 100, this.options.retryMaxMs ?? 5_000);
      this.listenFailures += 1;
      logger.warn({ service, retryInMs: waitMs, ...(error ? errorFields(error) : {}) }, 'outbox relay lost its notifications; polling until they are back');
      this.relisten = setTimeout(() => void this.listen(), waitMs);
    };
    client.on('notification', () => this.sleeper.nudge());
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(service)}`);
      if (this.stopping || this.listener !== client) return;
      this.listening = true;
      this.listenFailures = 0;
      // Rows written before LISTEN took effect: look once more.
      this.sleeper.nudge();
    } catch (error) {
      lost(error);
    }
  }

  private async closeListener(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  /** One tick: returns the number of rows published (0 when idle or another relay holds the lock). */
  async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    let released = false;
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.lockKey]);
      if (!lock.rows[0]?.locked) {
        await client.query('COMMIT');
        return 0;
      }
      const { rows } = await client.query<OutboxRow>(
        `SELECT tenant_id, id, topic, message_key, headers, data, created_at FROM ${this.table} ` +
          `WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await this.options.publisher.publish(rows.map(toMessage));
      await client.query(
        `UPDATE ${this.table} SET published_at = now() WHERE (tenant_id, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
        [rows.map((row) => row.tenant_id), rows.map((row) => row.id)],
      );
      await client.query('COMMIT');
      this.options.onPublished?.({ count: rows.length, maxLagMs: Date.now() - rows[0].created_at.getTime() });
      return rows.length;
    } catch (error) {
      released = true;
      await rollbackAndRelease(client, error);
      throw error;
    } finally {
      if (!released) client.release();
    }
  }

  private async loop(): Promise<void> {
    const { logger, service } = this.options;
    let failures = 0;
    while (!this.stopping) {
      let published = 0;
      try {
        published = await this.publishBatch();
        if (failures > 0) logger.info({ service, failures }, 'outbox relay recovered');
        failures = 0;
      } catch (error) {
        // Handled: the tick rolled back, its rows stay unpublished and are retried after a back-off.
        const waitMs = backoffMs(failures, this.options.retryInitialMs ?? 100, this.options.retryMaxMs ?? 5_000);
        failures += 1;
        logger.warn({ service, failures, retryInMs: waitMs, ...errorFields(error) }, 'outbox relay tick failed; retrying');
        await this.sleeper.sleep(waitMs);
        continue;
      }
      if (published < this.batchSize && !this.stopping) {
        await this.sleeper.sleep(this.listening ? (this.options.listeningPollIntervalMs ?? 1_000) : (this.options.pollIntervalMs ?? 30));
      }
    }
  }
}

function toMessage(row: OutboxRow): OutgoingMessage {
  return { topic: row.topic, key: row.message_key, value: JSON.stringify(row.data), headers: stringHeaders(row.headers) };
}

function stringHeaders(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('Outbox row headers are not an object');
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value)) {
    if (typeof header !== 'string') throw new TypeError(`Outbox row header ${name} is not a string`);
    headers[name] = header;
  }
  return headers;
}

/** Rolls back; a connection that cannot even roll back is discarded rather than returned to the pool. */
async function rollbackAndRelease(client: PoolClient, cause: unknown): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (rollbackError) {
    // Handled: destroying the connection ends its transaction; the caller rethrows the tick's error.
    client.release(new Error(`rollback failed after: ${cause instanceof Error ? cause.message : 'tick error'}`, { cause: rollbackError }));
  }
}
