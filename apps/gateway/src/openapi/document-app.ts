import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayModule } from '../app.module';
import { loadGatewayConfig } from '../config/gateway.config';
import type { OpenApiBuild } from './openapi-document';
import { OpenApiDocumentService } from './openapi-document.service';

/** Placeholders: enough to construct the gateway's module; nothing is called, fetched or connected. */
export const DOCUMENTATION_ENV: Readonly<NodeJS.ProcessEnv> = Object.freeze({
  LOG_LEVEL: 'silent',
  TENANTS_GRPC_URL: '127.0.0.1:1',
  CATALOGUE_GRPC_URL: '127.0.0.1:1',
  INTAKE_GRPC_URL: '127.0.0.1:1',
  PROCESSING_GRPC_URL: '127.0.0.1:1',
  EVALUATION_GRPC_URL: '127.0.0.1:1',
  KAFKA_BROKERS: '127.0.0.1:1',
  AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://issuer.invalid', audience: 'motcua-api', jwksUri: 'https://issuer.invalid/jwks', audienceKind: 'citizen' }]),
  DEPENDENCY_PROBE_INTERVAL_MS: '0',
});

/**
 * The gateway's OpenAPI document, built from its modules' decorators without serving: the
 * application is created (providers constructed) but not initialized, so no lifecycle hook
 * runs, no port opens and no service is called.
 */
export async function buildGatewayDocument(env: NodeJS.ProcessEnv = DOCUMENTATION_ENV): Promise<OpenApiBuild> {
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forConfig(loadGatewayConfig(env)), new FastifyAdapter(), {
    logger: false,
    abortOnError: false,
  });
  try {
    return app.get(OpenApiDocumentService).build();
  } finally {
    await app.close();
  }
}

/** The committed form of the document (docs/api/openapi.json). */
export function serializeDocument(build: OpenApiBuild): string {
  return `${JSON.stringify(build.document, null, 2)}\n`;
}
