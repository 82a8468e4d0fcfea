import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteAccess } from '../access/route-access.decorator';
import { startTestGateway, TestGateway } from '../http/gateway.spec-helper';
import { ApiOperation } from './api-operation.decorator';
import { serializeDocument } from './document-app';
import { buildOpenApiDocument, OpenApiDocument, routesMissingFrom } from './openapi-document';
import { OpenApiDocumentService } from './openapi-document.service';
import { ServedRoutes } from './served-routes';
import { routesOfController } from './route-discovery';

const committedPath = join(__dirname, '..', '..', '..', '..', 'docs', 'api', 'openapi.json');

describe('the OpenAPI document of the gateway', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('has an operation for every route fastify serves', async () => {
    const served = gateway.app.get(ServedRoutes).list();
    const document = gateway.app.get(OpenApiDocumentService).document();
    expect(served.map((route) => route.url)).toEqual(expect.arrayContaining(['/v1/dossiers', '/health/ready', '/openapi.json']));
    expect(routesMissingFrom(document, served)).toEqual([]);
    expect(gateway.app.get(OpenApiDocumentService).build().undocumented).toEqual([]);
  });

  it('is served at GET /openapi.json exactly as committed in docs/api/openapi.json', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const committed = readFileSync(committedPath, 'utf8');
    // tools/checks/openapi.ts (test command) says how to regenerate it.
    expect(serializeDocument({ document: response.json() as OpenApiDocument, undocumented: [] })).toBe(committed);
  });

  it('describes security, the tenant header, idempotency, problems and conditional GETs from the decorators', () => {
    const document = gateway.app.get(OpenApiDocumentService).document();
    const submit = document.paths['/v1/dossiers'].post as { parameters: { $ref?: string }[]; security: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
    expect(submit.security).toEqual([{ bearerAuth: [] }]);
    expect(submit.parameters.map((parameter) => parameter.$ref)).toEqual(
      expect.arrayContaining(['#/components/parameters/TenantId', '#/components/parameters/IdempotencyKeyRequired']),
    );
    for (const status of ['400', '401', '403', '413', '415', '429', '503']) {
      expect(submit.responses[status]?.content).toHaveProperty(['application/problem+json']);
    }
    const read = document.paths['/v1/dossiers/{id}'].get as { responses: Record<string, unknown> };
    expect(Object.keys(read.responses)).toEqual(expect.arrayContaining(['200', '304', '404']));
    const health = document.paths['/health/ready'].get as { security?: unknown };
    expect(health.security).toBeUndefined();
  });

  it('is browsable at GET /docs, a page that loads nothing from elsewhere', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.body).toContain('/v1/dossiers/{id}');
    expect(response.body).not.toMatch(/<script|\ssrc=|<link/i);
    expect(response.body).not.toMatch(/href="(?!#|\/openapi\.json)/);
  });

  it('finds a route that lacks documentation', () => {
    @Controller('v1/things')
    @RouteAccess({ tenant: 'required' })
    class ThingsController {
      @Get()
      @ApiOperation({ summary: 'Things', responses: { 200: { description: 'Them.' } } })
      list(): unknown[] {
        return [];
      }

      @Post()
      @HttpCode(201)
      create(): unknown {
        return {};
      }
    }
    const build = buildOpenApiDocument(routesOfController(ThingsController));
    expect(build.undocumented).toEqual(['POST /v1/things']);
    expect(routesMissingFrom(build.document, [{ method: 'POST', url: '/v1/things' }, { method: 'HEAD', url: '/v1/things' }])).toEqual(['POST /v1/things']);
  });
});
