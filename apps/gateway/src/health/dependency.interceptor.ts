import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { catchError, Observable, throwError } from 'rxjs';
import { isGrpcServiceError, readRpcError } from '@motcua/rpc';
import { HttpProblem, HttpProblemCode } from '../http/http-problem';
import { DEPENDENCY_RETRY_AFTER_SECONDS } from '../http/problem.filter';
import { DEPENDS_ON, GatewayDependency } from './dependencies';
import { DependencyHealth } from './dependency-health';

function unavailable(service: GatewayDependency, cause?: unknown): HttpProblem {
  return new HttpProblem(HttpProblemCode.DependencyUnavailable, `The ${service} service is unavailable`, {
    headers: { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) },
    details: { dependency: service },
    cause,
  });
}

/** A failure of the service itself (nothing answered), not a refusal it sent with a code. */
function isUnreachable(error: unknown): boolean {
  if (!isGrpcServiceError(error)) return false;
  const info = readRpcError(error);
  return info.status === GrpcStatus.UNAVAILABLE && info.code === GrpcStatus[GrpcStatus.UNAVAILABLE];
}

/** Degrades a route, not the gateway: see `DependsOn`. Runs after authentication and tenant resolution. */
@Injectable()
export class DependencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly health: DependencyHealth,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const services = this.reflector.getAllAndOverride<GatewayDependency[] | undefined>(DEPENDS_ON, [context.getHandler(), context.getClass()]) ?? [];
    const down = services.find((service) => !this.health.isAvailable(service));
    if (down) return throwError(() => unavailable(down));
    return next.handle().pipe(
      catchError((error: unknown) => {
        // Each route calls one service; with several, the first named is blamed.
        if (!isUnreachable(error) || services.length === 0) return throwError(() => error);
        this.health.markUnreachable(services[0], readRpcError(error).message);
        return throwError(() => unavailable(services[0], error));
      }),
    );
  }
}
