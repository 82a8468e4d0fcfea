import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

export interface ServedRoute {
  method: string;
  url: string;
}

/** The routes fastify serves, as registered (the document is checked against them). */
@Injectable()
export class ServedRoutes {
  private readonly routes: ServedRoute[] = [];

  /** Call before the application initializes: routes registered earlier are not seen. */
  recordFrom(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) this.routes.push({ method, url: route.url });
    });
  }

  list(): readonly ServedRoute[] {
    return this.routes;
  }
}
