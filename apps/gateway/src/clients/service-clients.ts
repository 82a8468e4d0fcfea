import { OnApplicationShutdown } from '@nestjs/common';
import { CatalogueV1, EvaluationV1, GrpcServices, IntakeDocumentsV1, IntakeV1, ProcessingResultsV1, ProcessingV1, TenantsV1 } from '@motcua/contracts';
import { createGrpcClient, GrpcClient, grpcMessageLimitFor } from '@motcua/rpc';
import { GatewayConfig } from '../config/gateway.config';

/** One gRPC client per service; every call carries the request's tenant, trace and actor and a deadline. */
export class ServiceClients implements OnApplicationShutdown {
  readonly tenants: GrpcClient<TenantsV1.TenantServiceClient>;
  readonly catalogue: GrpcClient<CatalogueV1.CatalogueServiceClient>;
  readonly intake: GrpcClient<IntakeV1.IntakeServiceClient>;
  readonly intakeDocuments: GrpcClient<IntakeDocumentsV1.DocumentServiceClient>;
  readonly processing: GrpcClient<ProcessingV1.ProcessingServiceClient>;
  readonly processingResults: GrpcClient<ProcessingResultsV1.ResultServiceClient>;
  readonly evaluation: GrpcClient<EvaluationV1.EvaluationServiceClient>;

  constructor(config: GatewayConfig) {
    const options = { deadlineMs: config.GRPC_DEADLINE_MS };
    this.tenants = createGrpcClient(GrpcServices.tenants, config.TENANTS_GRPC_URL, options);
    this.catalogue = createGrpcClient(GrpcServices.catalogue, config.CATALOGUE_GRPC_URL, options);
    this.intake = createGrpcClient(GrpcServices.intake, config.INTAKE_GRPC_URL, options);
    // Uploads travel in one message: sized from the configured upload limit.
    this.intakeDocuments = createGrpcClient(GrpcServices.intakeDocuments, config.INTAKE_GRPC_URL, {
      ...options,
      maxMessageBytes: grpcMessageLimitFor(config.DOCUMENT_MAX_BYTES),
    });
    this.processing = createGrpcClient(GrpcServices.processing, config.PROCESSING_GRPC_URL, options);
    this.processingResults = createGrpcClient(GrpcServices.processingResults, config.PROCESSING_GRPC_URL, options);
    this.evaluation = createGrpcClient(GrpcServices.evaluation, config.EVALUATION_GRPC_URL, options);
  }

  onApplicationShutdown(): void {
    for (const client of [this.tenants, this.catalogue, this.intake, this.intakeDocuments, this.processing, this.processingResults, this.evaluation]) client.close();
  }
}
