import { status as GrpcStatus } from '@grpc/grpc-js';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { createGrpcClient, GrpcClient, readRpcError } from '@motcua/rpc';
import { ProcedureCatalogue } from '../application/procedure-catalogue.port';
import { ProcedureRequirements } from '../domain/dossier';

/** The catalogue over gRPC: one synchronous hop on the submission path, with a deadline. */
@Injectable()
export class GrpcProcedureCatalogue extends ProcedureCatalogue implements OnApplicationShutdown {
  private readonly client: GrpcClient<CatalogueV1.CatalogueServiceClient>;

  constructor(url: string, deadlineMs: number) {
    super();
    this.client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs });
  }

  async find(procedureId: string): Promise<ProcedureRequirements | null> {
    try {
      const procedure = await this.client.getProcedure({ id: procedureId });
      return {
        id: procedure.id,
        code: procedure.code,
        agencyId: procedure.agencyId,
        components: procedure.components.map((c) => ({ code: c.code, mandatory: c.mandatory })),
      };
    } catch (error) {
      if (readRpcError(error).status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
