import { status as GrpcStatus } from '@grpc/grpc-js';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { createGrpcClient, GrpcClient, readRpcError } from '@motcua/rpc';
import { AppointmentSlot, CompetentAgency, DeskReceiveDecision, FeeCase, ProcedureCatalogue, StructureNames } from '../application/procedure-catalogue.port';
import { IntakeError, IntakeErrorCode } from '../domain/intake.errors';
import { Channel, FeeLine, ProcedureRequirements } from '../domain/dossier';

/** The catalogue over gRPC: synchronous hops outside the intake transactions, with a deadline. */
@Injectable()
export class GrpcProcedureCatalogue extends ProcedureCatalogue implements OnApplicationShutdown {
  private readonly client: GrpcClient<CatalogueV1.CatalogueServiceClient>;

  constructor(url: string, deadlineMs: number) {
    super();
    this.client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs });
  }

  find(procedureId: string): Promise<ProcedureRequirements | null> {
    return this.get({ id: procedureId });
  }

  findVersion(versionId: string): Promise<ProcedureRequirements | null> {
    return this.get({ versionId });
  }

  private async get(request: CatalogueV1.GetProcedureRequest): Promise<ProcedureRequirements | null> {
    try {
      const procedure = await this.client.getProcedure(request);
      return {
        id: procedure.id,
        versionId: procedure.versionId,
        code: procedure.code,
        agencyId: procedure.agencyId,
        components: procedure.components.map((c) => ({ code: c.code, mandatory: c.mandatory })),
      };
    } catch (error) {
      if (readRpcError(error).status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    }
  }

  async competentAgency(versionId: string, unitCode: string): Promise<CompetentAgency> {
    const result = await this.client.resolveCompetentAgency({ procedure: { versionId, asOf: '' }, unitCode });
    return { agencyId: result.agencyId, registered: result.registered };
  }

  async canDeskReceive(deskId: string, versionId: string, unitCode: string): Promise<DeskReceiveDecision> {
    const decision = await this.client.canDeskReceive({ deskId, procedure: { versionId, asOf: '' }, unitCode });
    return { allowed: decision.allowed, reason: decision.reason, explanation: decision.explanation, locationIndependent: decision.reason === 'location_independent' };
  }

  async assessFees(versionId: string, channel: Channel, feeCase: FeeCase): Promise<{ lines: FeeLine[]; total: number }> {
    const assessment = await this.client
      .assessFees({ procedure: { versionId, asOf: '' }, variant: feeCase.variant, attributes: feeCase.attributes, quantities: feeCase.quantities, channel })
      .catch((error: unknown) => {
        const refusal = readRpcError(error);
        if (refusal.status !== GrpcStatus.INVALID_ARGUMENT) throw error;
        throw new IntakeError(IntakeErrorCode.FeeCaseInvalid, `The fee case does not fit the procedure's fee schedule: ${refusal.message}`, {
          errors: ((refusal.details as { errors?: { field: string; message: string }[] }).errors ?? []).map((e) => ({ field: `feeCase.${e.field}`, message: e.message })),
        });
      });
    return {
      lines: assessment.lines.map((line) => ({
        item: line.item,
        itemName: line.itemName,
        kind: line.kind === 'fee' ? 'fee' : 'charge',
        type: line.type === 'exemption' || line.type === 'discount' ? line.type : 'base',
        rule: line.rule,
        amount: Number(line.amount),
      })),
      total: Number(assessment.total),
    };
  }

  async appointment(versionId: string, receivedAt: Date): Promise<AppointmentSlot> {
    const appointment = await this.client.computeAppointment({ versionId, receivedAt: receivedAt.toISOString() });
    return { appointmentAt: new Date(appointment.appointmentAt), localDate: appointment.localDate };
  }

  async structureNames(agencyId: string, deskId?: string): Promise<StructureNames> {
    const [agencies, desks] = await Promise.all([
      this.client.listAgencies({ unitCode: '', kind: '', asOf: '' }),
      deskId ? this.client.listDesks({ agencyId }) : Promise.resolve({ desks: [] }),
    ]);
    return {
      agency: agencies.agencies.find((agency) => agency.id === agencyId)?.name || null,
      desk: desks.desks.find((desk) => desk.id === deskId)?.name || null,
    };
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
