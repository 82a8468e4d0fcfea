import { HttpException, NotFoundException } from '@nestjs/common';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { encodeErrorPayload, ERROR_METADATA_KEY } from '@motcua/rpc';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { HttpProblem, HttpProblemCode } from './http-problem';
import { problemOf } from './problem.filter';

function grpcError(code: GrpcStatus, payload?: Parameters<typeof encodeErrorPayload>[0]): Error {
  const metadata = new Metadata();
  if (payload) metadata.set(ERROR_METADATA_KEY, encodeErrorPayload(payload));
  return Object.assign(new Error(`${code} ${GrpcStatus[code]}`), { code, details: 'message', metadata });
}

describe('problemOf', () => {
  it.each([
    ['an HTTP-layer problem', new HttpProblem(HttpProblemCode.PreconditionFailed, 'stale'), 412, 'PRECONDITION_FAILED'],
    ['a gateway domain error', new GatewayError(GatewayErrorCode.TenantUnknown, 'No such province'), 404, 'TENANT_UNKNOWN'],
    ["Nest's not-found", new NotFoundException('Cannot GET /x'), 404, 'ROUTE_NOT_FOUND'],
    ['an unmapped 4xx', new HttpException('gone', 410), 410, 'HTTP_410'],
    ['a service that does not answer', grpcError(GrpcStatus.UNAVAILABLE), 503, 'DEPENDENCY_UNAVAILABLE'],
    ['a service refusal with a code', grpcError(GrpcStatus.NOT_FOUND, { code: 'DOSSIER_NOT_FOUND', category: 'not_found', details: {} }), 404, 'DOSSIER_NOT_FOUND'],
    ['a service reporting its own dependency down', grpcError(GrpcStatus.UNAVAILABLE, { code: 'CALENDAR_UNAVAILABLE', category: 'unavailable', details: {} }), 503, 'CALENDAR_UNAVAILABLE'],
    ['anything else', new Error('secret internals'), 500, 'INTERNAL'],
  ])('%s → %i %s', (_case, error, status, code) => {
    const { problem } = problemOf(error, '/v1/x');
    expect(problem).toMatchObject({ status, code, instance: '/v1/x', type: `urn:motcua:problem:${code.toLowerCase().replace(/_/g, '-')}` });
    expect(problem.detail).not.toContain('secret');
  });

  it('uses the fastify refusal the request met, over the status Nest kept', () => {
    expect(problemOf(new HttpException('Body cannot be empty', 400), '/v1/x', HttpProblemCode.BodyMalformed).problem.code).toBe('BODY_MALFORMED');
  });

  it('keeps field findings and headers of the refusal, with Vietnamese texts', () => {
    const answer = problemOf(
      new HttpProblem(HttpProblemCode.DependencyUnavailable, 'down', { headers: { 'Retry-After': '5' }, errors: [{ field: 'a', message: 'b' }] }),
      '/v1/x',
    );
    expect(answer.headers).toEqual({ 'Retry-After': '5' });
    expect(answer.problem.errors).toEqual([{ field: 'a', message: 'b' }]);
    expect(answer.problem.title).toBe('Chức năng tạm thời gián đoạn');
    expect(problemOf(grpcError(GrpcStatus.UNAVAILABLE), '/v1/x').headers).toEqual({ 'Retry-After': '5' });
  });
});
