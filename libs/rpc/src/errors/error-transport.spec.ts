import { Metadata, status } from '@grpc/grpc-js';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { InvalidTenantIdError, TenantRequiredError } from '@motcua/tenancy';
import { GrpcExceptionFilter } from '../server/grpc-exception.filter';
import { DomainError, type ErrorCategory } from '@motcua/domain-kernel';
import { assertNever, isErrorCategory } from './rpc-error';
import {
  categoryToGrpcStatus,
  decodeErrorPayload,
  ERROR_METADATA_KEY,
  toGrpcError,
  toRpcException,
  type GrpcErrorResponse,
} from './error-transport';

enum SampleErrorCode {
  Missing = 'SAMPLE_MISSING',
  Broken = 'SAMPLE_BROKEN',
}

class SampleError extends DomainError<SampleErrorCode> {
  get category(): ErrorCategory {
    switch (this.code) {
      case SampleErrorCode.Missing:
        return 'not_found';
      case SampleErrorCode.Broken:
        return 'unprocessable';
      default:
        return assertNever(this.code);
    }
  }

  constructor(code: SampleErrorCode, details: Record<string, unknown> = {}) {
    super(code, `sample: ${code}`, details);
  }
}

describe('categoryToGrpcStatus', () => {
  it.each([
    ['invalid', status.INVALID_ARGUMENT],
    ['unauthenticated', status.UNAUTHENTICATED],
    ['forbidden', status.PERMISSION_DENIED],
    ['not_found', status.NOT_FOUND],
    ['conflict', status.ALREADY_EXISTS],
    ['precondition', status.FAILED_PRECONDITION],
    ['unprocessable', status.FAILED_PRECONDITION],
    ['rate_limited', status.RESOURCE_EXHAUSTED],
    ['unavailable', status.UNAVAILABLE],
  ] as [ErrorCategory, status][])('sends %s as %s', (category, code) => {
    expect(categoryToGrpcStatus(category)).toBe(code);
    expect(isErrorCategory(category)).toBe(true);
  });

  it('refuses an unknown category read from the wire', () => {
    expect(isErrorCategory('teapot')).toBe(false);
    expect(isErrorCategory('toString')).toBe(false);
  });
});

describe('toGrpcError', () => {
  it('sends a domain error with its code, category and details in the trailer, not in the message', () => {
    const response = toGrpcError(new SampleError(SampleErrorCode.Missing, { procedureId: 'p-1' }));
    expect(response.code).toBe(status.NOT_FOUND);
    expect(response.message).toBe('sample: SAMPLE_MISSING');
    expect(response.metadata.get(ERROR_METADATA_KEY)[0]).toBeInstanceOf(Buffer);
    expect(decodeErrorPayload(response.metadata)).toEqual({
      code: 'SAMPLE_MISSING',
      category: 'not_found',
      details: { procedureId: 'p-1' },
    });
  });

  it('drops oversized details instead of failing the call', () => {
    const response = toGrpcError(new SampleError(SampleErrorCode.Broken, { blob: 'x'.repeat(10_000) }));
    expect(decodeErrorPayload(response.metadata)).toEqual({
      code: 'SAMPLE_BROKEN',
      category: 'unprocessable',
      details: { detailsTruncated: true },
    });
  });

  it('maps the tenancy errors', () => {
    expect(toGrpcError(new TenantRequiredError())).toMatchObject({ code: status.UNAUTHENTICATED });
    expect(decodeErrorPayload(toGrpcError(new TenantRequiredError()).metadata)?.code).toBe('TENANT_REQUIRED');
    expect(toGrpcError(new InvalidTenantIdError('Ha Noi'))).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(decodeErrorPayload(toGrpcError(new InvalidTenantIdError('Ha Noi')).metadata)?.code).toBe('TENANT_ID_INVALID');
  });

  it('passes an explicit RpcException status through', () => {
    expect(toGrpcError(new RpcException({ code: status.NOT_FOUND, message: 'no such thing' }))).toMatchObject({
      code: status.NOT_FOUND,
      message: 'no such thing',
    });
  });

  it('keeps the code and details of a domain error wrapped by toRpcException', () => {
    const response = toGrpcError(toRpcException(new SampleError(SampleErrorCode.Missing, { procedureId: 'p-2' })));
    expect(response.code).toBe(status.NOT_FOUND);
    expect(decodeErrorPayload(response.metadata)).toMatchObject({ code: 'SAMPLE_MISSING', details: { procedureId: 'p-2' } });
  });

  it('answers INTERNAL without the message of an unexpected error', () => {
    const response = toGrpcError(new Error('duplicate key value violates unique constraint "dossier_pkey" password=hunter2'));
    expect(response.code).toBe(status.INTERNAL);
    expect(response.message).toBe('Internal error');
    expect(response.metadata.get(ERROR_METADATA_KEY)).toEqual([]);
  });

  it('does not forward a downstream status blindly', () => {
    const downstream = (code: status) => Object.assign(new Error('downstream'), { code, details: 'x', metadata: new Metadata() });
    expect(toGrpcError(downstream(status.NOT_FOUND)).code).toBe(status.INTERNAL);
    expect(toGrpcError(downstream(status.UNAVAILABLE))).toMatchObject({ code: status.UNAVAILABLE });
    expect(decodeErrorPayload(toGrpcError(downstream(status.DEADLINE_EXCEEDED)).metadata)?.code).toBe('DEPENDENCY_UNAVAILABLE');
  });
});

describe('GrpcExceptionFilter', () => {
  const rpcHost = () => {
    const host = new ExecutionContextHost([{}, new Metadata(), {}]);
    host.setType('rpc');
    return host;
  };

  it('fails the call with the mapped status and logs an unexpected error', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const result = new GrpcExceptionFilter().catch(new TypeError('cannot read x of undefined'), rpcHost());
      if (!result) throw new Error('expected an Observable for an rpc host');
      const error: GrpcErrorResponse = await firstValueFrom(result).then(
        () => {
          throw new Error('expected the Observable to fail');
        },
        (failure: GrpcErrorResponse) => failure,
      );
      expect(error).toMatchObject({ code: status.INTERNAL, message: 'Internal error' });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('TypeError: cannot read x of undefined'), expect.any(String));
    } finally {
      logged.mockRestore();
    }
  });

  it('does not log an expected domain error', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const result = new GrpcExceptionFilter().catch(new SampleError(SampleErrorCode.Missing), rpcHost());
      if (!result) throw new Error('expected an Observable for an rpc host');
      await expect(firstValueFrom(result)).rejects.toMatchObject({ code: status.NOT_FOUND });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
