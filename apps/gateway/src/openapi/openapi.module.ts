import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenApiController } from './openapi.controller';
import { OpenApiDocumentService } from './openapi-document.service';
import { ServedRoutes } from './served-routes';

/** GET /openapi.json and GET /docs, generated from the routes' decorators. */
@Module({
  imports: [DiscoveryModule],
  controllers: [OpenApiController],
  providers: [OpenApiDocumentService, ServedRoutes],
  exports: [OpenApiDocumentService, ServedRoutes],
})
export class OpenApiModule {}
