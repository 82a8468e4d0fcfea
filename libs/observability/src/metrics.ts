import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, labelled with the service. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly rpcHandled: Counter<'method' | 'code'>;
  readonly rpcDuration: Histogram<'method'>;
  readonly eventsPublished: Counter;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.rpcHandled = new Counter({
      name: 'motcua_rpc_handled_total',
      help: 'gRPC calls handled, by method and status code',
      labelNames: ['method', 'code'],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'motcua_rpc_duration_seconds',
      help: 'gRPC handling time',
      labelNames: ['method'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'motcua_events_published_total',
      help: 'Events published from the outbox to Kafka',
      registers: [this.registry],
    });
  }
}
