import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Logger } from '@motcua/observability';
import { SERVICE_LOGGER } from '@motcua/platform';
import { renderDocsPage } from './docs-page';
import { buildOpenApiDocument, OpenApiBuild, OpenApiDocument } from './openapi-document';
import { PLATFORM_OPERATIONS } from './platform-routes';
import { discoverRoutes } from './route-discovery';

/** The document of this application's routes, built once from their decorators. */
@Injectable()
export class OpenApiDocumentService implements OnApplicationBootstrap {
  private built?: OpenApiBuild;
  private page?: string;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { undocumented } = this.build();
    // The tests and tools/checks/openapi.ts fail on these; a running gateway only says so.
    if (undocumented.length > 0) this.logger.warn({ routes: undocumented }, 'routes missing from the OpenAPI document');
  }

  build(): OpenApiBuild {
    this.built ??= buildOpenApiDocument(discoverRoutes(this.discovery, this.scanner), PLATFORM_OPERATIONS);
    return this.built;
  }

  document(): OpenApiDocument {
    return this.build().document;
  }

  html(): string {
    this.page ??= renderDocsPage(this.document());
    return this.page;
  }
}
