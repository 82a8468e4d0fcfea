import { Metadata, status } from '@grpc/grpc-js';
import type { ErrorCategory } from '@motcua/domain-kernel';
import { encodeErrorPayload, ERROR_METADATA_KEY } from '../errors/error-transport';
import { grpcStatusToHttp, kebabCode, problemType, toProblemDetails } from './problem-details';

/** A grpc-js client error as a failed call rejects with it. */
function serviceError(code: status, message: string, payload?: { code: string; category: ErrorCategory; details?: Record<string, unknown> }) {
  const metadata = new Metadata();
  if (payload) metadata.set(ERROR_METADATA_KEY, encodeErrorPayload({ details: {}, ...payload }));
  return Object.assign(new Error(`${code} ${status[code]}: ${message}`), { code, details: message, metadata });
}

describe('grpcStatusToHttp', () => {
  it.each([
    [status.OK, undefined, 200],
    [status.INVALID_ARGUMENT, undefined, 400],
    [status.UNAUTHENTICATED, undefined, 401],
    [status.PERMISSION_DENIED, undefined, 403],
    [status.NOT_FOUND, undefined, 404],
    [status.ALREADY_EXISTS, undefined, 409],
    [status.ABORTED, undefined, 409],
    [status.FAILED_PRECONDITION, undefined, 409],
    [status.FAILED_PRECONDITION, 'precondition', 409],
    [status.FAILED_PRECONDITION, 'unprocessable', 422],
    [status.RESOURCE_EXHAUSTED, undefined, 429],
    [status.UNIMPLEMENTED, undefined, 501],
    [status.UNAVAILABLE, undefined, 503],
    [status.DEADLINE_EXCEEDED, undefined, 504],
    [status.INTERNAL, undefined, 500],
    [status.UNKNOWN, undefined, 500],
    [status.DATA_LOSS, undefined, 500],
    [status.CANCELLED, undefined, 500],
    [status.OUT_OF_RANGE, undefined, 500],
  ] as [status, ErrorCategory | undefined, number][])('maps %s (category %s) to HTTP %s', (code, category, http) => {
    expect(grpcStatusToHttp(code, category)).toBe(http);
  });
});

describe('problem types', () => {
  it.each([
    ['DOSSIER_NOT_FOUND', 'dossier-not-found'],
    ['DossierNotFound', 'dossier-not-found'],
    ['dossier.not-found', 'dossier-not-found'],
    ['TENANT_ID_INVALID', 'tenant-id-invalid'],
  ])('kebab-cases %s', (code, kebab) => {
    expect(kebabCode(code)).toBe(kebab);
    expect(problemType(code)).toBe(`urn:motcua:problem:${kebab}`);
  });
});

describe('toProblemDetails', () => {
  it('carries the domain code, the HTTP status and the message of a domain error', () => {
    const error = serviceError(status.NOT_FOUND, 'Procedure not found', {
      code: 'PROCEDURE_NOT_FOUND',
      category: 'not_found',
      details: { procedureCode: '1.001193' },
    });
    expect(toProblemDetails(error, '/v1/procedures/1.001193')).toEqual({
      type: 'urn:motcua:problem:procedure-not-found',
      title: 'Không tìm thấy',
      status: 404,
      detail: 'Procedure not found',
      instance: '/v1/procedures/1.001193',
      code: 'PROCEDURE_NOT_FOUND',
    });
  });

  it('answers 422 with the field errors of a business-rule failure', () => {
    const error = serviceError(status.FAILED_PRECONDITION, 'Mandatory components missing', {
      code: 'DOSSIER_INCOMPLETE',
      category: 'unprocessable',
      details: {
        errors: [
          { field: 'components[0]', message: 'Thiếu tờ khai' },
          { field: 'components[1]', message: 'Thiếu bản sao', extra: 'dropped' },
          { message: 'no field: dropped' },
          'not an object: dropped',
        ],
      },
    });
    const problem = toProblemDetails(error, '/v1/dossiers');
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:motcua:problem:dossier-incomplete');
    expect(problem.errors).toEqual([
      { field: 'components[0]', message: 'Thiếu tờ khai' },
      { field: 'components[1]', message: 'Thiếu bản sao' },
    ]);
  });

  it('answers 409 for a state conflict reported as FAILED_PRECONDITION', () => {
    const error = serviceError(status.FAILED_PRECONDITION, 'Dossier already received', {
      code: 'DOSSIER_STATE_INVALID',
      category: 'precondition',
    });
    expect(toProblemDetails(error, '/x')).toMatchObject({ status: 409, code: 'DOSSIER_STATE_INVALID' });
  });

  it('takes the Vietnamese texts of a code from the gateway messages', () => {
    const error = serviceError(status.NOT_FOUND, 'Procedure not found', { code: 'PROCEDURE_NOT_FOUND', category: 'not_found' });
    const problem = toProblemDetails(error, '/x', {
      describe: (code) => (code === 'PROCEDURE_NOT_FOUND' ? { title: 'Không tìm thấy thủ tục', detail: 'Thủ tục không tồn tại' } : undefined),
    });
    expect(problem).toMatchObject({ title: 'Không tìm thấy thủ tục', detail: 'Thủ tục không tồn tại' });
  });

  it('names a bare gRPC status by its status name', () => {
    const problem = toProblemDetails(serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded after 5.001s'), '/x');
    expect(problem).toMatchObject({ status: 504, code: 'DEADLINE_EXCEEDED', type: 'urn:motcua:problem:deadline-exceeded' });
    expect(problem.detail).not.toContain('5.001s'); // server-side failures show the generic text
  });

  it('ignores a malformed error trailer and keeps the status', () => {
    const error = serviceError(status.NOT_FOUND, 'gone');
    error.metadata.set(ERROR_METADATA_KEY, Buffer.from('{not json'));
    expect(toProblemDetails(error, '/x')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('turns anything that is not a gRPC error into a 500 without its message', () => {
    const problem = toProblemDetails(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'), '/x');
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', type: 'urn:motcua:problem:internal' });
    expect(JSON.stringify(problem)).not.toMatch(/hunter2|ECONNREFUSED/);
  });
});
