import { randomBytes, randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EventEnvelope, Topics } from '@motcua/contracts';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant, runInTenant, toTraceparent } from '@motcua/tenancy';
import { createTestDatabase, KafkaMock, startKafkaMock, TestDatabase } from '@motcua/testing';
import { encodeEvent } from '../envelope-codec';
import { KafkaEventPublisher } from '../event-publisher';
import { Inbox } from '../inbox/inbox';
import { createKafkaClient } from '../kafka-client';
import { OutboxRelay } from '../outbox/outbox-relay';
import { RetryLaterError } from '../messaging.errors';
import { OutboxWriter } from '../outbox/outbox-writer';
import { createProbeSchema } from '../test-support/probe-schema';
import { eventually, memoryLogger, TopicCollector } from '../test-support/topic-collector';
import { DeadLetterHeaders, EventConsumer } from './event-consumer';

jest.setTimeout(40_000);

const SERVICE = 'msg_probe';
const GROUP = 'msg-probe.tally';
const MAX_RETRIES = 2;
const names = serviceDatabaseNames(SERVICE);

function submittedData(dossierId: string, procedureCode = '1.001234') {
  return {
    dossierId,
    procedureId: '0b6f5e0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    procedureCode,
    agencyId: '000.00.17.H33',
    channel: 'online',
    applicantPseudonym: randomBytes(32).toString('hex'),
    submittedAt: new Date().toISOString(),
  };
}

function envelopeOf(data: Record<string, unknown>, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/motcua/spec',
    type: 'dossier.submitted',
    time: new Date().toISOString(),
    subject: String(data.dossierId),
    datacontenttype: 'application/json',
    dataschema: 'urn:motcua:events:dossier.submitted:v1',
    tenantid: 'hung-yen',
    traceparent: toTraceparent(randomBytes(16).toString('hex')),
    data,
    ...overrides,
  };
}

describe('EventConsumer against the Kafka mock: inbox, schema checks, retries and the dead-letter topic', () => {
  let database: TestDatabase;
  let mock: KafkaMock;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  let owner: Client;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let deadLetters: TopicCollector;
  let admin: Admin;
  const logger = memoryLogger();
  const inbox = new Inbox(SERVICE);
  const writer = new OutboxWriter(SERVICE);
  /** Every handler invocation, and every one that completed, with the context it ran in. */
  const invoked: { id: string; tenantId: string; traceId: string }[] = [];
  const completed: string[] = [];

  const handleSubmitted = async (event: EventEnvelope) => {
    const { tenantId, traceId } = currentTenant();
    invoked.push({ id: event.id, tenantId, traceId });
    const data = event.data as { dossierId: string; procedureCode: string };
    if (data.procedureCode === 'ALWAYS-FAILS') throw new Error('tally store unavailable');
    if (data.procedureCode === 'WAITS-FOR-CATALOGUE' && invoked.filter((call) => call.id === event.id).length <= MAX_RETRIES + 3) {
      throw new RetryLaterError('catalogue unavailable');
    }
    await runner.run(async (manager) => {
      if (!(await inbox.claim(manager, GROUP, event.id))) return;
      await manager.query(
        `INSERT INTO msg_probe.tallies (tenant_id, dossier_id, n) VALUES ($1, $2, 1)
         ON CONFLICT (tenant_id, dossier_id) DO UPDATE SET n = tallies.n + 1`,
        [tenantId, data.dossierId],
      );
    });
    completed.push(event.id);
  };

  /** Sends a raw message to the dossier topic, as a misbehaving producer could. */
  const sendRaw = (key: string, value: Buffer, headers: Record<string, string>) =>
    publisher.publish([{ topic: Topics.dossier, key, value, headers }]);

  const deadLettered = (id: string) => deadLetters.messages.filter((message) => message.headers.ce_id === id);

  beforeAll(async () => {
    [database, mock] = await Promise.all([createTestDatabase(), startKafkaMock()]);
    const kafkaConfig = { brokers: mock.brokers, clientId: 'consumer-spec' };
    consumer = new EventConsumer({
      kafka: kafkaConfig,
      groupId: GROUP,
      topics: [Topics.dossier],
      handlers: { 'dossier.submitted': handleSubmitted },
      logger,
      fromBeginning: true,
      maxRetries: MAX_RETRIES,
      retryInitialMs: 20,
      retryMaxMs: 100,
      maxWaitTimeInMs: 50,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
    });
    deadLetters = new TopicCollector(mock.brokers, [Topics.deadLetter]);
    await Promise.all([createProbeSchema(database.ownerUrl, SERVICE), consumer.start(), deadLetters.start()]);
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: SERVICE, url: database.urlAs(names.appRole), poolSize: 4 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    publisher = new KafkaEventPublisher(createKafkaClient(kafkaConfig, logger));
    await publisher.connect();
    relay = new OutboxRelay({ service: SERVICE, url: database.urlAs(names.relayRole), publisher, logger, pollIntervalMs: 25 });
    relay.start();
    admin = new Kafka({ brokers: mock.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await Promise.all([consumer.joined(), deadLetters.whenJoined()]);
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await publisher?.disconnect();
    await deadLetters?.stop();
    await admin?.disconnect();
    await dataSource?.destroy();
    await owner?.end();
    await mock?.stop();
    await database?.drop();
  });

  it('runs the handler in the event tenant and trace, and applies a redelivered event once (inbox)', async () => {
    const dossierId = randomUUID();
    const traceId = randomBytes(16).toString('hex');
    const envelope = await runInTenant({ tenantId: 'hung-yen', traceId }, () =>
      runner.run((manager) => writer.append(manager, { type: 'dossier.submitted', subject: dossierId, data: submittedData(dossierId) })),
    );
    await eventually(async () => completed.includes(envelope.id), 10_000, 'the first delivery');
    expect(invoked.find((call) => call.id === envelope.id)).toEqual({ id: envelope.id, tenantId: 'hung-yen', traceId });

    // At least once: the relay publishes the row again (as after a crash before marking it).
    await owner.query(`UPDATE msg_probe.outbox SET published_at = NULL WHERE id = $1`, [envelope.id]);
    await eventually(async () => completed.filter((id) => id === envelope.id).length === 2, 10_000, 'the redelivery');

    const { rows: tallies } = await owner.query(`SELECT tenant_id, n FROM msg_probe.tallies WHERE dossier_id = $1`, [dossierId]);
    expect(tallies).toEqual([{ tenant_id: 'hung-yen', n: 1 }]);
    const { rows: claimed } = await owner.query(`SELECT consumer FROM msg_probe.inbox WHERE event_id = $1`, [envelope.id]);
    expect(claimed).toEqual([{ consumer: GROUP }]);
  });

  it('dead-letters a message whose data breaks its schema at once, unchanged and with the error', async () => {
    const poison = envelopeOf({ ...submittedData(randomUUID()), channel: 'fax' });
    const encoded = encodeEvent(poison);
    await sendRaw(encoded.key, encoded.value, encoded.headers);

    const [dead] = await deadLetters.waitFor(() => deadLettered(poison.id).length === 1).then(() => deadLettered(poison.id));
    expect(dead.value).toBe(encoded.value.toString('utf8'));
    expect(dead.key).toBe(encoded.key);
    expect(dead.headers).toMatchObject({
      ...encoded.headers,
      [DeadLetterHeaders.originalTopic]: Topics.dossier,
      [DeadLetterHeaders.consumerGroup]: GROUP,
      [DeadLetterHeaders.errorName]: 'EventSchemaError',
      [DeadLetterHeaders.attempts]: '0',
    });
    expect(dead.headers[DeadLetterHeaders.error]).toMatch(/does not match its schema: channel/);
    expect(dead.headers[DeadLetterHeaders.originalPartition]).toMatch(/^\d+$/);
    expect(dead.headers[DeadLetterHeaders.originalOffset]).toMatch(/^\d+$/);
    expect(invoked.some((call) => call.id === poison.id)).toBe(false);
  });

  it('retries a failing handler with back-off, then dead-letters the message with its error', async () => {
    const failing = envelopeOf(submittedData(randomUUID(), 'ALWAYS-FAILS'));
    const encoded = encodeEvent(failing);
    await sendRaw(encoded.key, encoded.value, encoded.headers);

    const [dead] = await deadLetters.waitFor(() => deadLettered(failing.id).length === 1).then(() => deadLettered(failing.id));
    expect(invoked.filter((call) => call.id === failing.id)).toHaveLength(MAX_RETRIES + 1);
    expect(dead.headers).toMatchObject({
      [DeadLetterHeaders.error]: 'tally store unavailable',
      [DeadLetterHeaders.errorName]: 'Error',
      [DeadLetterHeaders.attempts]: String(MAX_RETRIES + 1),
    });
    expect(dead.value).toBe(encoded.value.toString('utf8'));
  });

  it('keeps retrying, past the retry limit and without dead-lettering, a handler waiting for a dependency', async () => {
    const waiting = envelopeOf(submittedData(randomUUID(), 'WAITS-FOR-CATALOGUE'));
    const encoded = encodeEvent(waiting);
    await sendRaw(encoded.key, encoded.value, encoded.headers);
    await eventually(async () => completed.includes(waiting.id), 20_000, 'the waiting event handled');
    expect(invoked.filter((call) => call.id === waiting.id)).toHaveLength(MAX_RETRIES + 4);
    expect(deadLettered(waiting.id)).toEqual([]);
  });

  it('dead-letters a message without a tenant and never runs the handler for it', async () => {
    const orphan = envelopeOf(submittedData(randomUUID()));
    const { key, value, headers } = encodeEvent(orphan);
    delete headers.ce_tenantid;
    await sendRaw(key, value, headers);

    const [dead] = await deadLetters.waitFor(() => deadLettered(orphan.id).length === 1).then(() => deadLettered(orphan.id));
    expect(dead.headers[DeadLetterHeaders.errorCode]).toBe('ENVELOPE_TENANT_MISSING');
    expect(dead.headers[DeadLetterHeaders.errorName]).toBe('EnvelopeError');
    expect(invoked.some((call) => call.id === orphan.id)).toBe(false);
  });

  it('skips event types it has no handler for, keeps going and commits every offset', async () => {
    const key = randomUUID();
    const unknown = envelopeOf(submittedData(key), { type: 'dossier.probe-unhandled', dataschema: 'urn:motcua:events:dossier.probe-unhandled:v1' });
    const afterIt = envelopeOf({ ...submittedData(key), channel: 'fax' });
    for (const envelope of [unknown, afterIt]) {
      const encoded = encodeEvent(envelope);
      await sendRaw(encoded.key, encoded.value, encoded.headers);
    }
    // Same key, same partition: the next message was processed, so the skipped one was too.
    await deadLetters.waitFor(() => deadLettered(afterIt.id).length === 1);
    expect(deadLettered(unknown.id)).toEqual([]);
    expect(invoked.some((call) => call.id === unknown.id)).toBe(false);

    const ends = await admin.fetchTopicOffsets(Topics.dossier);
    await eventually(async () => {
      const [committed] = await admin.fetchOffsets({ groupId: GROUP, topics: [Topics.dossier] });
      return ends.every(({ partition, high }) => committed.partitions.find((entry) => entry.partition === partition)?.offset === high || high === '0');
    }, 5_000, 'the group to commit up to the end of every partition');
  });

  it('survives a broker outage: the crashed consumer is recreated and handles what is written after', async () => {
    const crashes = () => logger.lines.filter((line) => line.msg === 'consumer crashed' && line.obj.groupId === GROUP).length;
    const crashesBefore = crashes();
    await mock.setBrokerDown(1);
    try {
      await eventually(async () => crashes() > crashesBefore, 10_000, 'the consumer to crash');
    } finally {
      await mock.setBrokerUp(1);
    }
    const dossierId = randomUUID();
    const envelope = await runInTenant({ tenantId: 'ha-noi', traceId: randomBytes(16).toString('hex') }, () =>
      runner.run((manager) => writer.append(manager, { type: 'dossier.submitted', subject: dossierId, data: submittedData(dossierId) })),
    );
    await eventually(async () => completed.includes(envelope.id), 25_000, 'the event written after the outage');
    expect(logger.lines.some((line) => line.msg === 'consumer recreated after a crash')).toBe(true);
  });
});
