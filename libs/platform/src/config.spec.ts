import { z } from 'zod';
import { ConfigError, databaseEnv, grpcServiceEnv, kafkaEnv, loadConfig } from './config';

const schema = grpcServiceEnv.extend(databaseEnv.shape).extend(kafkaEnv.shape);

describe('loadConfig', () => {
  it('parses and defaults a valid environment', () => {
    const config = loadConfig('intake', schema, {
      DATABASE_URL: 'postgres://motcua_intake@127.0.0.1:5432/motcua',
      KAFKA_BROKERS: 'a:9092, b:9092',
      GRPC_URL: '0.0.0.0:50051',
      OUTBOX_RELAY_DATABASE_URL: 'postgres://motcua_intake_relay@127.0.0.1:5432/motcua',
    });
    expect(config).toMatchObject({ KAFKA_BROKERS: ['a:9092', 'b:9092'], GRPC_URL: '0.0.0.0:50051', HTTP_PORT: 0, KAFKA_IDEMPOTENT_PRODUCER: false });
  });

  it('lists every problem at once and names the service', () => {
    let caught: unknown;
    try {
      loadConfig('intake', schema, { DATABASE_URL: 'mysql://x', HTTP_PORT: '70000' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('intake: invalid configuration');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('KAFKA_BROKERS');
    expect(message).toContain('HTTP_PORT');
  });

  it('accepts a service-specific extension', () => {
    const config = loadConfig('x', z.object({ FEATURE: z.enum(['on', 'off']) }), { FEATURE: 'on' });
    expect(config.FEATURE).toBe('on');
  });
});
