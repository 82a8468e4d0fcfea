import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@motcua/contracts';
import { KafkaMockError, resolveKafkaBrokers, startKafkaMock } from './kafka-mock';

describe('startKafkaMock / resolveKafkaBrokers', () => {
  it('starts a cluster a kafkajs client produces to, with every contracts topic by default', async () => {
    const brokers = await resolveKafkaBrokers({});
    try {
      expect(brokers.mock).toBeDefined();
      expect(brokers.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
      const producer = new Kafka({ brokers: brokers.brokers, logLevel: logLevel.NOTHING }).producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        const results = await Promise.all(
          Object.values(Topics).map((topic) => producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'v' }] })),
        );
        expect(results.flat().every((result) => result.errorCode === 0)).toBe(true);
      } finally {
        await producer.disconnect();
      }
    } finally {
      await brokers.stop();
    }
  });

  it('takes brokers down and up by id, refuses an unknown broker, and stops', async () => {
    const mock = await startKafkaMock({ brokers: 2, topics: { 'probe.v1': 2 } });
    expect(mock.brokers).toHaveLength(2);
    await expect(mock.setBrokerDown(2)).resolves.toBeUndefined();
    await expect(mock.setBrokerUp(2)).resolves.toBeUndefined();
    await expect(mock.setBrokerDown(9)).rejects.toThrow(/refused "down 9"/);
    await mock.stop();
    await expect(mock.setBrokerUp(1)).rejects.toThrow(/not running/);
  });

  it('uses KAFKA_BROKERS when it is set, and starts nothing', async () => {
    const brokers = await resolveKafkaBrokers({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' });
    expect(brokers.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(brokers.mock).toBeUndefined();
    await brokers.stop();
  });

  it('says how to build the binary when it is missing', async () => {
    await expect(startKafkaMock({ binary: '/nonexistent/kafka-mock' })).rejects.toThrow(KafkaMockError);
    await expect(startKafkaMock({ binary: '/nonexistent/kafka-mock' })).rejects.toThrow(/run tools\/scripts\/setup\.sh/);
  });

  it('reports a mock that refuses its arguments', async () => {
    await expect(startKafkaMock({ topics: { 'no-partitions': 0 } })).rejects.toThrow(/exited with code 2.*expected topic:partitions/s);
  });
});
