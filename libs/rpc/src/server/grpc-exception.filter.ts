import { ArgumentsHost, Catch, HttpServer, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Observable, throwError } from 'rxjs';
import { classifyError, type GrpcErrorResponse } from '../errors/error-transport';

/**
 * Turns whatever a gRPC handler throws into the status its caller receives (see
 * classifyError): a DomainError's code and details travel in the `motcua-error-bin`
 * trailer; anything unexpected is logged here and answered INTERNAL without its message.
 * Outside RPC contexts (a hybrid app's HTTP routes) it defers to Nest's default handling.
 */
@Catch()
export class GrpcExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GrpcExceptionFilter');

  constructor(applicationRef?: HttpServer) {
    super(applicationRef);
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') return super.catch(exception, host);
    const { response, unexpected } = classifyError(exception);
    if (unexpected) {
      this.logger.error(
        `gRPC handler failed unexpectedly: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : typeof exception}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    return throwError((): GrpcErrorResponse => response);
  }
}
