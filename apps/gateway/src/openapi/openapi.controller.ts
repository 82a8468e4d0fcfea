import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ETagged } from '../http/etag';
import { ApiOperation } from './api-operation.decorator';
import { DOCS_CONTENT_SECURITY_POLICY } from './docs-page';
import type { OpenApiDocument } from './openapi-document';
import { OpenApiDocumentService } from './openapi-document.service';

/** The API's own description: public, like any published API reference. */
@Controller()
export class OpenApiController {
  constructor(private readonly documents: OpenApiDocumentService) {}

  @Get('openapi.json')
  @ETagged()
  @ApiOperation({
    tags: ['documentation'],
    operationId: 'documentation.openapi',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The document.', schema: z.object({ openapi: z.literal('3.1.0') }).loose() } },
  })
  openapi(): OpenApiDocument {
    return this.documents.document();
  }

  @Get('docs')
  @ETagged()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    tags: ['documentation'],
    operationId: 'documentation.page',
    summary: 'The browsable API reference (HTML)',
    responses: { 200: { description: 'A self-contained HTML page.', contentType: 'text/html', raw: { type: 'string' } } },
  })
  docs(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    return this.documents.html();
  }
}
