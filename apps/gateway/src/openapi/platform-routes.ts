import { z } from 'zod';
import type { ExternalOperations } from './openapi-document';
import { apiSchema } from './api-schemas';

const LivenessSchema = apiSchema('Liveness', z.object({ status: z.literal('ok') }));

const ReadinessSchema = apiSchema(
  'Readiness',
  z.object({
    status: z
      .enum(['ready', 'degraded', 'unready'])
      .describe('`degraded`: ready, but a service some routes need is down (those routes answer 503).'),
    checks: z
      .record(
        z.string(),
        z.object({
          ok: z.boolean(),
          error: z.string().optional(),
          critical: z.literal(false).optional().describe('Present (false) on checks that degrade routes instead of the whole gateway.'),
        }),
      )
      .describe("One entry per check: each gRPC service the gateway calls (its grpc.health.v1 status), by the service's name."),
  }),
);

/** The routes of @motcua/platform's HealthController, which this app does not decorate. */
export const PLATFORM_OPERATIONS: ExternalOperations = {
  'GET /health/live': {
    tags: ['health'],
    operationId: 'health.live',
    summary: 'Liveness: the process answers',
    responses: { 200: { description: 'Alive.', schema: LivenessSchema } },
  },
  'GET /health/ready': {
    tags: ['health'],
    operationId: 'health.ready',
    summary: 'Readiness, with the health of every service the gateway calls',
    description:
      'Ready (200) unless a critical service (the tenant registry) is down or the gateway is shutting down (503). ' +
      'A non-critical service down makes it `degraded`: still 200, the failing service named in `checks`.',
    responses: {
      200: { description: 'Ready, or degraded.', schema: ReadinessSchema },
      503: { description: 'Unready: shutting down, or a critical service is down.', schema: ReadinessSchema, contentType: 'application/json' },
    },
  },
  'GET /metrics': {
    tags: ['health'],
    operationId: 'health.metrics',
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Metrics in the Prometheus text format.', contentType: 'text/plain', raw: { type: 'string' } } },
  },
};
