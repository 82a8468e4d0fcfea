import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EventSchemaError, Topics } from '@motcua/contracts';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { runInTenant } from '@motcua/tenancy';
import { createTestDatabase, KafkaMock, startKafkaMock, TestDatabase } from '@motcua/testing';
import { KafkaEventPublisher } from '../event-publisher';
import { createKafkaClient } from '../kafka-client';
import { createProbeSchema } from '../test-support/probe-schema';
import { eventually, memoryLogger, TopicCollector } from '../test-support/topic-collector';
import { OutboxRelay, PublishedBatch } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

jest.setTimeout(30_000);

const SERVICE = 'msg_probe';
const names = serviceDatabaseNames(SERVICE);

function submitted(dossierId: string) {
  return {
    dossierId,
    procedureId: '0b6f5e0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    procedureCode: '1.001234',
    agencyId: '000.00.17.H33',
    channel: 'online' as const,
    applicantPseudonym: randomBytes(32).toString('hex'),
    submittedAt: new Date().toISOString(),
  };
}

describe('outbox writer and relay against PostgreSQL and the Kafka mock', () => {
  let database: TestDatabase;
  let mock: KafkaMock;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  let owner: Client;
  let collector: TopicCollector;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  const logger = memoryLogger();
  const batches: PublishedBatch[] = [];
  const writer = new OutboxWriter(SERVICE);

  const inTenant = <T>(tenantId: string, work: () => Promise<T>) => runInTenant({ tenantId, traceId: randomBytes(16).toString('hex') }, work);

  /** One unit of work as a handler would write it: the state change and its event. */
  const submit = (tenantId: string, dossierId: string) =>
    inTenant(tenantId, () =>
      runner.run(async (manager) => {
        await manager.query(`INSERT INTO msg_probe.dossiers (tenant_id, id, status) VALUES ($1, $2, 'submitted') ON CONFLICT DO NOTHING`, [tenantId, dossierId]);
        return writer.append(manager, { type: 'dossier.submitted', subject: dossierId, data: submitted(dossierId) });
      }),
    );

  const startRelay = () => {
    const started = new OutboxRelay({
      service: SERVICE,
      url: database.urlAs(names.relayRole),
      publisher,
      logger,
      pollIntervalMs: 25,
      retryInitialMs: 50,
      retryMaxMs: 400,
      onPublished: (batch) => batches.push(batch),
    });
    started.start();
    return started;
  };

  const published = (id: string) => collector.messages.filter((message) => message.headers.ce_id === id);

  beforeAll(async () => {
    [database, mock] = await Promise.all([createTestDatabase(), startKafkaMock()]);
    collector = new TopicCollector(mock.brokers, [Topics.dossier]);
    await Promise.all([createProbeSchema(database.ownerUrl, SERVICE), collector.start()]);
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: SERVICE, url: database.urlAs(names.appRole), poolSize: 4 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    const kafka = createKafkaClient(
      { brokers: mock.brokers, clientId: 'outbox-spec', retry: { retries: 2, initialRetryTime: 50, maxRetryTime: 200 }, connectionTimeoutMs: 500, requestTimeoutMs: 2_000 },
      logger,
    );
    publisher = new KafkaEventPublisher(kafka);
    await publisher.connect();
    relay = startRelay();
    await collector.whenJoined();
  });

  afterAll(async () => {
    await relay?.stop();
    await publisher?.disconnect();
    await collector?.stop();
    await dataSource?.destroy();
    await owner?.end();
    await mock?.stop();
    await database?.drop();
  });

  it('commits the event with the state change; the relay publishes it in CloudEvents binary mode and marks it', async () => {
    const dossierId = randomUUID();
    const envelope = await submit('hung-yen', dossierId);

    const [message] = await collector.waitFor(() => published(envelope.id).length === 1).then(() => published(envelope.id));
    expect(message.key).toBe(dossierId);
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'dossier.submitted',
      ce_source: '/motcua/msg_probe',
      ce_subject: dossierId,
      ce_tenantid: 'hung-yen',
      ce_dataschema: 'urn:motcua:events:dossier.submitted:v1',
      'content-type': 'application/json',
    });
    expect(message.headers.ce_traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(JSON.parse(message.value ?? 'null')).toMatchObject({ dossierId, channel: 'online' });

    await eventually(async () => {
      const { rows } = await owner.query(`SELECT published_at FROM msg_probe.outbox WHERE id = $1`, [envelope.id]);
      return rows.length === 1 && rows[0].published_at !== null;
    }, 5_000, 'the row to be marked published');
    const { rows: dossiers } = await owner.query(`SELECT status FROM msg_probe.dossiers WHERE id = $1`, [dossierId]);
    expect(dossiers).toEqual([{ status: 'submitted' }]);
    expect(batches.reduce((sum, batch) => sum + batch.count, 0)).toBeGreaterThan(0);
  });

  it('writes and publishes nothing when the unit of work rolls back', async () => {
    const dossierId = randomUUID();
    let rolledBackId = '';
    await expect(
      inTenant('hung-yen', () =>
        runner.run(async (manager) => {
          await manager.query(`INSERT INTO msg_probe.dossiers (tenant_id, id, status) VALUES ('hung-yen', $1, 'submitted')`, [dossierId]);
          rolledBackId = (await writer.append(manager, { type: 'dossier.submitted', subject: dossierId, data: submitted(dossierId) })).id;
          throw new Error('the domain refused');
        }),
      ),
    ).rejects.toThrow('the domain refused');
    expect(rolledBackId).not.toBe('');
    const { rows } = await owner.query(`SELECT id FROM msg_probe.outbox WHERE id = $1 UNION ALL SELECT id FROM msg_probe.dossiers WHERE id = $2`, [rolledBackId, dossierId]);
    expect(rows).toEqual([]);

    // A later event on the same key arrives after anything written before it would have.
    const later = await submit('hung-yen', dossierId);
    await collector.waitFor(() => published(later.id).length === 1);
    expect(collector.messages.filter((message) => message.key === dossierId).map((message) => message.headers.ce_id)).toEqual([later.id]);
  });

  it('refuses data that does not match the contracts schema, and the transaction writes nothing', async () => {
    const dossierId = randomUUID();
    await expect(
      inTenant('hung-yen', () =>
        runner.run(async (manager) => {
          await manager.query(`INSERT INTO msg_probe.dossiers (tenant_id, id, status) VALUES ('hung-yen', $1, 'submitted')`, [dossierId]);
          await writer.append(manager, { type: 'dossier.submitted', subject: dossierId, data: { ...submitted(dossierId), channel: 'fax' } });
        }),
      ),
    ).rejects.toBeInstanceOf(EventSchemaError);
    const { rows } = await owner.query(`SELECT id FROM msg_probe.dossiers WHERE id = $1`, [dossierId]);
    expect(rows).toEqual([]);
  });

  it('lets the app role insert events but not read them, and the relay role touch nothing else', async () => {
    await expect(inTenant('hung-yen', () => runner.run((manager) => manager.query(`SELECT id FROM msg_probe.outbox`)))).rejects.toThrow(/permission denied/);
    const relayClient = new Client({ connectionString: database.urlAs(names.relayRole) });
    await relayClient.connect();
    try {
      await expect(relayClient.query(`SELECT id FROM msg_probe.dossiers`)).rejects.toThrow(/permission denied/);
      await expect(relayClient.query(`DELETE FROM msg_probe.outbox`)).rejects.toThrow(/permission denied/);
    } finally {
      await relayClient.end();
    }
  });

  it('loses nothing written while the broker is down: the relay retries until it is back', async () => {
    const failuresBefore = logger.lines.filter((line) => line.msg === 'outbox relay tick failed; retrying').length;
    await mock.setBrokerDown(1);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 12; i++) ids.push((await submit(i % 2 ? 'ha-noi' : 'hung-yen', randomUUID())).id);
      await eventually(
        async () => logger.lines.filter((line) => line.msg === 'outbox relay tick failed; retrying').length > failuresBefore,
        10_000,
        'the relay to fail against the downed broker',
      );
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM msg_probe.outbox WHERE id = ANY($1::uuid[]) AND published_at IS NULL`, [ids]);
      expect(rows).toEqual([{ n: ids.length }]);
    } finally {
      await mock.setBrokerUp(1);
    }
    await collector.waitFor(() => ids.every((id) => published(id).length >= 1), 20_000);
    await eventually(async () => {
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM msg_probe.outbox WHERE id = ANY($1::uuid[]) AND published_at IS NOT NULL`, [ids]);
      return rows[0].n === ids.length;
    }, 5_000, 'every row to be marked published');
  });

  it("keeps one key's events in order while several relays race for the outbox", async () => {
    // The backlog is written while no relay runs, then three relays, each with its own producer,
    // claim it in batches of two: without the advisory lock they publish batches out of order.
    await relay.stop();
    const keyA = randomUUID();
    const keyB = randomUUID();
    const written: Record<string, string[]> = { [keyA]: [], [keyB]: [] };
    for (const [key, tenantId] of [[keyA, 'hung-yen'], [keyB, 'ha-noi']]) {
      await inTenant(tenantId, () =>
        runner.run(async (manager) => {
          for (let i = 0; i < 20; i++) {
            written[key].push((await writer.append(manager, { type: 'dossier.submitted', subject: key, data: submitted(key) })).id);
          }
        }),
      );
    }
    const racers = await Promise.all(
      [1, 2, 3].map(async () => {
        const racerPublisher = new KafkaEventPublisher(createKafkaClient({ brokers: mock.brokers, clientId: 'outbox-racer' }, logger));
        await racerPublisher.connect();
        const racer = new OutboxRelay({ service: SERVICE, url: database.urlAs(names.relayRole), publisher: racerPublisher, logger, batchSize: 2, pollIntervalMs: 1 });
        return { racer, racerPublisher };
      }),
    );
    try {
      for (const { racer } of racers) racer.start();
      const all = [...written[keyA], ...written[keyB]];
      await collector.waitFor(() => all.every((id) => published(id).length >= 1), 15_000);
      for (const key of [keyA, keyB]) {
        const received = collector.messages.filter((message) => message.key === key);
        expect(new Set(received.map((message) => message.partition)).size).toBe(1);
        expect(received.map((message) => message.headers.ce_id)).toEqual(written[key]);
      }
    } finally {
      for (const { racer, racerPublisher } of racers) {
        await racer.stop();
        await racerPublisher.disconnect();
      }
      relay = startRelay();
    }
  });

  it('wakes an idle relay by its writers\' notifications, and loses nothing while it cannot hear them', async () => {
    // A relay that would otherwise sleep a minute between empty looks.
    await relay.stop();
    const listeningRelay = new OutboxRelay({
      service: SERVICE,
      url: database.urlAs(names.relayRole),
      publisher,
      logger,
      pollIntervalMs: 25,
      listeningPollIntervalMs: 60_000,
      retryInitialMs: 50,
      retryMaxMs: 200,
    });
    try {
      listeningRelay.start();
      await eventually(async () => listeningRelay.isListening, 10_000, 'the relay listening');
      const startedAt = Date.now();
      const first = await submit('hung-yen', randomUUID());
      await collector.waitFor(() => published(first.id).length === 1, 5_000);
      expect(Date.now() - startedAt).toBeLessThan(5_000);

      // Cut its listening connection: it polls meanwhile, and listens again.
      await owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`motcua-${SERVICE}-relay-listener`]);
      await eventually(async () => !listeningRelay.isListening, 10_000, 'the relay deaf');
      const second = await submit('hung-yen', randomUUID());
      await collector.waitFor(() => published(second.id).length === 1, 5_000);
      await eventually(async () => listeningRelay.isListening, 10_000, 'the relay listening');
      const third = await submit('ha-noi', randomUUID());
      await collector.waitFor(() => published(third.id).length === 1, 5_000);
    } finally {
      await listeningRelay.stop();
      relay = startRelay();
    }
  });
});
