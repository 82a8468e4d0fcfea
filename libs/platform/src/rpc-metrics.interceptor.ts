import { status } from '@grpc/grpc-js';
import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { ServiceMetrics } from '@motcua/observability';
import { classifyError } from '@motcua/rpc';

/** Counts and times every gRPC call by method and the status code its caller receives. */
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: ServiceMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = `${context.getClass().name}.${context.getHandler().name}`;
    const stopTimer = this.metrics.rpcDuration.startTimer({ method });
    return next.handle().pipe(
      tap({
        next: () => undefined,
        complete: () => {
          stopTimer();
          this.metrics.rpcHandled.inc({ method, code: status[status.OK] });
        },
        error: (error: unknown) => {
          stopTimer();
          this.metrics.rpcHandled.inc({ method, code: status[classifyError(error).response.code] ?? 'UNKNOWN' });
        },
      }),
    );
  }
}
