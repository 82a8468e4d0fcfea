import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readiness, ServiceMetrics } from '@motcua/observability';

/** Liveness, readiness (database, Kafka, ...) and Prometheus metrics, on every service's HTTP port. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: Readiness,
    private readonly metrics: ServiceMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.readiness.report();
    // Degraded: ready, but a non-critical dependency fails (the routes that need it answer 503).
    const degraded = Object.values(report.checks).some((check) => !check.ok);
    const status = report.ready ? (degraded ? 'degraded' : 'ready') : 'unready';
    await reply.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send({ status, checks: report.checks });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('Content-Type', this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
