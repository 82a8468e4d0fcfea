import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { DEPENDS_ON, GatewayDependency } from './dependencies';
import { DependencyInterceptor } from './dependency.interceptor';

/**
 * The services a route (or every route of a controller) calls. While one of them is known
 * to be down the route answers 503 DEPENDENCY_UNAVAILABLE at once; a call that finds it
 * unreachable answers the same and marks it down until the next probe finds it serving.
 */
export const DependsOn = (...services: GatewayDependency[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(DEPENDS_ON, services), UseInterceptors(DependencyInterceptor));
