import { join } from 'node:path';
import * as CatalogueV1 from '../generated/motcua/catalogue/v1/catalogue';
import * as EvaluationV1 from '../generated/motcua/evaluation/v1/evaluation';
import * as IntakeV1 from '../generated/motcua/intake/v1/intake';
import * as IntakeDocumentsV1 from '../generated/motcua/intake/v1/documents';
import * as ProcessingV1 from '../generated/motcua/processing/v1/processing';
import * as ProcessingResultsV1 from '../generated/motcua/processing/v1/results';
import * as TenantsV1 from '../generated/motcua/tenants/v1/tenants';

/**
 * The root the .proto files are found under at runtime, and the include dir to give the
 * loader. Resolved from this file (libs/contracts/src/grpc), so it holds when the code runs
 * from source (jest with swc, apps with @swc-node/register); a build must copy
 * libs/contracts/proto next to the compiled lib with the same relative layout.
 */
export const PROTO_INCLUDE_DIR = join(__dirname, '..', '..', 'proto');

/**
 * One gRPC service of the contracts: where its .proto is and what it is called. `TClient`
 * and `TController` are the ts-proto interfaces of the service; they exist only in types,
 * so `createGrpcClient(GrpcServices.catalogue, url)` (@motcua/rpc) is typed end to end.
 */
export interface GrpcServiceRef<TClient = unknown, TController = unknown> {
  /** Proto package, e.g. "motcua.catalogue.v1". */
  readonly packageName: string;
  /** Service name inside the package, e.g. "CatalogueService". */
  readonly serviceName: string;
  /** Fully qualified name, e.g. "motcua.catalogue.v1.CatalogueService" (also the health-check name). */
  readonly fullName: string;
  /** The .proto file relative to PROTO_INCLUDE_DIR, e.g. "motcua/catalogue/v1/catalogue.proto". */
  readonly protoFile: string;
  /** Absolute path of the .proto file. */
  readonly protoPath: string;
  /** Include dirs for @grpc/proto-loader. */
  readonly includeDirs: readonly string[];
  /** Type-level only: never set at runtime. */
  readonly __types?: { client: TClient; controller: TController };
}

/** What every generated module says about its own .proto file. */
interface GeneratedProtoModule {
  readonly protobufPackage: string;
  readonly protobufFileName: string;
}

function serviceRef<TClient, TController>(
  generated: GeneratedProtoModule,
  serviceName: string,
): GrpcServiceRef<TClient, TController> {
  return Object.freeze({
    packageName: generated.protobufPackage,
    serviceName,
    fullName: `${generated.protobufPackage}.${serviceName}`,
    protoFile: generated.protobufFileName,
    protoPath: join(PROTO_INCLUDE_DIR, generated.protobufFileName),
    includeDirs: Object.freeze([PROTO_INCLUDE_DIR]),
  });
}

/** Every gRPC service of the platform, by the app that serves it. */
export const GrpcServices = {
  tenants: serviceRef<TenantsV1.TenantServiceClient, TenantsV1.TenantServiceController>(
    TenantsV1,
    TenantsV1.TENANT_SERVICE_NAME,
  ),
  catalogue: serviceRef<CatalogueV1.CatalogueServiceClient, CatalogueV1.CatalogueServiceController>(
    CatalogueV1,
    CatalogueV1.CATALOGUE_SERVICE_NAME,
  ),
  intake: serviceRef<IntakeV1.IntakeServiceClient, IntakeV1.IntakeServiceController>(
    IntakeV1,
    IntakeV1.INTAKE_SERVICE_NAME,
  ),
  /** Files, the document wallet and receipts: served by the intake app next to `intake`. */
  intakeDocuments: serviceRef<IntakeDocumentsV1.DocumentServiceClient, IntakeDocumentsV1.DocumentServiceController>(
    IntakeDocumentsV1,
    IntakeDocumentsV1.DOCUMENT_SERVICE_NAME,
  ),
  processing: serviceRef<ProcessingV1.ProcessingServiceClient, ProcessingV1.ProcessingServiceController>(
    ProcessingV1,
    ProcessingV1.PROCESSING_SERVICE_NAME,
  ),
  /** Signed result documents, verification and public keys: served by the processing app next to `processing`. */
  processingResults: serviceRef<ProcessingResultsV1.ResultServiceClient, ProcessingResultsV1.ResultServiceController>(
    ProcessingResultsV1,
    ProcessingResultsV1.RESULT_SERVICE_NAME,
  ),
  evaluation: serviceRef<EvaluationV1.EvaluationServiceClient, EvaluationV1.EvaluationServiceController>(
    EvaluationV1,
    EvaluationV1.EVALUATION_SERVICE_NAME,
  ),
} as const;

export type GrpcServiceName = keyof typeof GrpcServices;

/** Absolute path of the .proto file of `service`, for the runtime loader. */
export function protoPath(service: GrpcServiceName): string {
  return GrpcServices[service].protoPath;
}
