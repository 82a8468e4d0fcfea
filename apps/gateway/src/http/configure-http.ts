import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '../config/gateway.config';
import { ServedRoutes } from '../openapi/served-routes';
import { applyDocumentUploadBodyLimit } from '../routes/dossiers.controller';
import { applyCors, CorsPolicy } from './cors';
import { tagEntities } from './etag';
import { rememberFastifyRefusals } from './fastify-refusals';
import { acceptJsonBodiesOnly } from './json-only';
import { assignRequestIds } from './request-id';
import { setSecurityHeaders } from './security-headers';

/**
 * The REST conventions every route shares, as fastify hooks (startService's `configure`):
 * correlation id, security headers, CORS per tenant, JSON-only bodies, stable problems for
 * fastify's own refusals, ETags. Also records the served routes for the OpenAPI check.
 */
export function configureGatewayHttp(app: NestFastifyApplication, config: GatewayConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  assignRequestIds(fastify);
  setSecurityHeaders(fastify);
  applyCors(fastify, new CorsPolicy(config.CORS_ORIGINS, config.TENANT_HOSTS));
  acceptJsonBodiesOnly(fastify);
  applyDocumentUploadBodyLimit(fastify, config);
  rememberFastifyRefusals(fastify);
  tagEntities(fastify);
  app.get(ServedRoutes).recordFrom(fastify);
}
