import { Controller } from '@nestjs/common';
import { formatLocalDate, toLocalDate } from '@motcua/calendar';
import { CatalogueV1 } from '@motcua/contracts';
import { ManageCalendarHandler } from '../calendar/application/manage-calendar/manage-calendar.handler';
import { ImportCatalogueHandler } from '../import/application/import-catalogue/import-catalogue.handler';
import { SearchProceduresHandler } from '../search/application/search-procedures.handler';
import { AmendProcedureHandler } from '../procedure/application/amend-procedure/amend-procedure.handler';
import { AssessFeesHandler } from '../procedure/application/assess-fees/assess-fees.handler';
import { ComputeAppointmentHandler } from '../procedure/application/compute-appointment/compute-appointment.handler';
import { CreateProcedureHandler } from '../procedure/application/create-procedure/create-procedure.handler';
import { GetProcedureHandler } from '../procedure/application/get-procedure/get-procedure.handler';
import { ResolveCompetentAgencyHandler } from '../procedure/application/resolve-competent-agency/resolve-competent-agency.handler';
import { WithdrawProcedureHandler } from '../procedure/application/withdraw-procedure/withdraw-procedure.handler';
import { CanDeskReceiveHandler } from '../structure/application/can-desk-receive/can-desk-receive.handler';
import { ManageStructureHandler } from '../structure/application/manage-structure/manage-structure.handler';
import {
  agencyToProto,
  assessmentToProto,
  calendarToProto,
  componentToProto,
  deskToProto,
  procedureToProto,
  unitToProto,
} from './catalogue.mapper';

/** The catalogue's gRPC API: each method maps its request to one handler and the answer back to proto. */
@Controller()
@CatalogueV1.CatalogueServiceControllerMethods()
export class CatalogueController implements CatalogueV1.CatalogueServiceController {
  constructor(
    private readonly createHandler: CreateProcedureHandler,
    private readonly getHandler: GetProcedureHandler,
    private readonly amendHandler: AmendProcedureHandler,
    private readonly withdrawHandler: WithdrawProcedureHandler,
    private readonly assessFeesHandler: AssessFeesHandler,
    private readonly appointmentHandler: ComputeAppointmentHandler,
    private readonly competentAgencyHandler: ResolveCompetentAgencyHandler,
    private readonly deskReceiveHandler: CanDeskReceiveHandler,
    private readonly structureHandler: ManageStructureHandler,
    private readonly calendarHandler: ManageCalendarHandler,
    private readonly importHandler: ImportCatalogueHandler,
    private readonly searchHandler: SearchProceduresHandler,
  ) {}

  async importCatalogue(request: CatalogueV1.ImportCatalogueRequest): Promise<CatalogueV1.ImportCatalogueResponse> {
    const { dryRun, plan } = await this.importHandler.execute(request);
    const count = (c: { create: number; update: number; unchanged: number }): CatalogueV1.ImportCount => ({ created: c.create, updated: c.update, unchanged: c.unchanged });
    return {
      dryRun,
      changes: plan.changes,
      units: count(plan.summary.units),
      agencies: count(plan.summary.agencies),
      desks: count(plan.summary.desks),
      procedures: { created: plan.summary.procedures.create, updated: plan.summary.procedures.new_version, unchanged: plan.summary.procedures.unchanged },
      untouchedProcedures: plan.untouched.procedures,
    };
  }

  async searchProcedures(request: CatalogueV1.SearchProceduresRequest): Promise<CatalogueV1.SearchProceduresResponse> {
    const { hits, nextPageToken } = await this.searchHandler.execute(request);
    return {
      procedures: hits.map((h) => ({
        procedureId: h.procedure_id,
        versionId: h.version_id,
        code: h.code,
        name: h.name,
        field: h.field ?? '',
        level: h.level ?? '',
        agencyCode: h.agency_id ?? '',
        agencyName: h.agency_name ?? '',
        onlineLevel: h.online_level,
        processingTime: { unit: h.processing_unit, amount: h.processing_amount },
      })),
      nextPageToken,
    };
  }

  async createProcedure(request: CatalogueV1.CreateProcedureRequest): Promise<CatalogueV1.Procedure> {
    return procedureToProto(await this.createHandler.execute(request));
  }

  async getProcedure(request: CatalogueV1.GetProcedureRequest): Promise<CatalogueV1.Procedure> {
    return procedureToProto(await this.getHandler.execute(request));
  }

  async amendProcedure(request: CatalogueV1.AmendProcedureRequest): Promise<CatalogueV1.Procedure> {
    return procedureToProto(await this.amendHandler.execute(request));
  }

  async withdrawProcedure(request: CatalogueV1.WithdrawProcedureRequest): Promise<CatalogueV1.Procedure> {
    return procedureToProto(await this.withdrawHandler.execute(request));
  }

  async listProcedureVersions(request: CatalogueV1.ListProcedureVersionsRequest): Promise<CatalogueV1.ListProcedureVersionsResponse> {
    return { versions: (await this.getHandler.versions(request)).map(procedureToProto) };
  }

  async listRequiredComponents(request: CatalogueV1.ListRequiredComponentsRequest): Promise<CatalogueV1.ListRequiredComponentsResponse> {
    const version = await this.getHandler.execute(request.procedure ?? {});
    return { procedureId: version.procedureId, versionId: version.id, components: version.definition.components.map(componentToProto) };
  }

  async assessFees(request: CatalogueV1.AssessFeesRequest): Promise<CatalogueV1.FeeAssessment> {
    const { version, assessment } = await this.assessFeesHandler.execute(request);
    return assessmentToProto(version, assessment);
  }

  async computeAppointment(request: CatalogueV1.ComputeAppointmentRequest): Promise<CatalogueV1.Appointment> {
    const { version, receivedAt, appointmentAt } = await this.appointmentHandler.execute(request);
    return {
      procedureId: version.procedureId,
      versionId: version.id,
      processingTime: { ...version.definition.processingTime },
      receivedAt: receivedAt.toISOString(),
      appointmentAt: appointmentAt.toISOString(),
      localDate: formatLocalDate(toLocalDate(appointmentAt)),
    };
  }

  async resolveCompetentAgency(request: CatalogueV1.ResolveCompetentAgencyRequest): Promise<CatalogueV1.CompetentAgency> {
    const result = await this.competentAgencyHandler.execute(request);
    return {
      procedureId: result.version.procedureId,
      versionId: result.version.id,
      agencyId: result.agencyId,
      name: result.name ?? '',
      unitCode: result.unitCode ?? '',
      registered: result.registered,
      resolvedBy: result.resolvedBy,
    };
  }

  async canDeskReceive(request: CatalogueV1.CanDeskReceiveRequest): Promise<CatalogueV1.DeskReceiveDecision> {
    const { version, decision } = await this.deskReceiveHandler.execute(request);
    return { ...decision, procedureId: version.procedureId, versionId: version.id };
  }

  async upsertAdministrativeUnit(request: CatalogueV1.UpsertAdministrativeUnitRequest): Promise<CatalogueV1.AdministrativeUnit> {
    return unitToProto(await this.structureHandler.upsertUnit(request.unit));
  }

  async listAdministrativeUnits(request: CatalogueV1.ListAdministrativeUnitsRequest): Promise<CatalogueV1.ListAdministrativeUnitsResponse> {
    return { units: (await this.structureHandler.listUnits(request)).map(unitToProto) };
  }

  async upsertAgency(request: CatalogueV1.UpsertAgencyRequest): Promise<CatalogueV1.Agency> {
    return agencyToProto(await this.structureHandler.upsertAgency(request.agency));
  }

  async listAgencies(request: CatalogueV1.ListAgenciesRequest): Promise<CatalogueV1.ListAgenciesResponse> {
    return { agencies: (await this.structureHandler.listAgencies(request)).map(agencyToProto) };
  }

  async upsertDesk(request: CatalogueV1.UpsertDeskRequest): Promise<CatalogueV1.Desk> {
    return deskToProto(await this.structureHandler.upsertDesk(request.desk));
  }

  async listDesks(request: CatalogueV1.ListDesksRequest): Promise<CatalogueV1.ListDesksResponse> {
    return { desks: (await this.structureHandler.listDesks(request)).map(deskToProto) };
  }

  async getCalendar(request: CatalogueV1.GetCalendarRequest): Promise<CatalogueV1.Calendar> {
    return calendarToProto(await this.calendarHandler.get(request));
  }

  async updateCalendarSettings(request: CatalogueV1.UpdateCalendarSettingsRequest): Promise<CatalogueV1.Calendar> {
    return calendarToProto(await this.calendarHandler.updateSettings(request));
  }

  async upsertCalendarOverride(request: CatalogueV1.UpsertCalendarOverrideRequest): Promise<CatalogueV1.Calendar> {
    return calendarToProto(await this.calendarHandler.upsertOverride(request.override));
  }

  async removeCalendarOverride(request: CatalogueV1.RemoveCalendarOverrideRequest): Promise<CatalogueV1.Calendar> {
    return calendarToProto(await this.calendarHandler.removeOverride(request));
  }
}
