// @motcua/rpc: gRPC helpers shared by the services and the gateway.
export {
  GRPC_LOADER_OPTIONS,
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  GRPC_MESSAGE_ENVELOPE_BYTES,
  grpcMessageLimitFor,
} from './loader-options';
// Errors: what services throw, and how it travels.
// DomainError, ErrorCategory and FieldError come from @motcua/domain-kernel.
export { RpcError, RpcErrorCode, assertNever, isErrorCategory } from './errors/rpc-error';
export {
  ERROR_METADATA_KEY,
  categoryToGrpcStatus,
  classifyError,
  decodeErrorPayload,
  encodeErrorPayload,
  toGrpcError,
  toRpcException,
  type ClassifiedError,
  type GrpcErrorResponse,
  type RpcErrorPayload,
} from './errors/error-transport';
// Server side (NestJS).
export { GrpcExceptionFilter } from './server/grpc-exception.filter';
export { GrpcHealth, type ServingStatus } from './server/grpc-health';
export { grpcMicroserviceOptions, type GrpcMicroserviceConfig } from './server/grpc-options';
export { TenantContextInterceptor } from './server/tenant-context.interceptor';
export { TenantFree, TENANT_FREE_METADATA } from './server/tenant-free.decorator';
export { connectGrpcMicroservice, useGrpcServerEnhancers } from './server/connect';
// Client side.
export {
  createGrpcClient,
  loadServiceClientConstructor,
  type GrpcCallOptions,
  type GrpcClient,
  type GrpcClientOptions,
  type PromiseClient,
} from './client/grpc-client';
export { checkGrpcHealth } from './client/health-check';
export { isGrpcServiceError, readRpcError, type RpcErrorInfo } from './client/rpc-error';
// Gateway: gRPC status to HTTP and RFC 9457 problems.
export {
  PROBLEM_CONTENT_TYPE,
  grpcStatusToHttp,
  kebabCode,
  problemType,
  toProblemDetails,
  type ProblemDetails,
  type ProblemTexts,
  type ToProblemOptions,
} from './http/problem-details';
