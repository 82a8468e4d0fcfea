import { Controller } from '@nestjs/common';
import { IntakeV1 } from '@motcua/contracts';
import { ApplicantActionsHandler } from '../application/applicant-actions/applicant-actions.handler';
import { CheckDossierCommand, dossierIdOf } from '../application/check-dossier/check-dossier.command';
import { CheckDossierHandler } from '../application/check-dossier/check-dossier.handler';
import { DEFAULT_FEE_CASE } from '../application/procedure-catalogue.port';
import { GetDossierHandler } from '../application/get-dossier/get-dossier.handler';
import { ListPendingChecksHandler } from '../application/list-pending-checks/list-pending-checks.handler';
import { ListPersonalDataAccessHandler } from '../application/list-personal-data-access/list-personal-data-access.handler';
import { SubmitDossierCommand } from '../application/submit-dossier/submit-dossier.command';
import { SubmitDossierHandler } from '../application/submit-dossier/submit-dossier.handler';
import { TrackDossierHandler } from '../application/track-dossier/track-dossier.handler';
import { NATIONAL_STATUS_OF } from '../domain/dossier-state';
import { Dossier } from '../domain/dossier';

@Controller()
@IntakeV1.IntakeServiceControllerMethods()
export class IntakeController implements IntakeV1.IntakeServiceController {
  constructor(
    private readonly submitHandler: SubmitDossierHandler,
    private readonly getHandler: GetDossierHandler,
    private readonly checkHandler: CheckDossierHandler,
    private readonly applicantHandler: ApplicantActionsHandler,
    private readonly trackHandler: TrackDossierHandler,
    private readonly worklistHandler: ListPendingChecksHandler,
    private readonly accessLogHandler: ListPersonalDataAccessHandler,
  ) {}

  async submitDossier(request: IntakeV1.SubmitDossierRequest): Promise<IntakeV1.Dossier> {
    return toProto(await this.submitHandler.execute(SubmitDossierCommand.create(request, new Date())));
  }

  async submitAtDesk(request: IntakeV1.SubmitAtDeskRequest): Promise<IntakeV1.DossierDetail> {
    return toDetail(await this.submitHandler.execute(SubmitDossierCommand.atDesk(request, new Date())));
  }

  async getDossier(request: IntakeV1.GetDossierRequest): Promise<IntakeV1.Dossier> {
    return toProto(await this.getHandler.execute(request.id ?? '', 'GetDossier'));
  }

  async getDossierDetail(request: IntakeV1.GetDossierDetailRequest): Promise<IntakeV1.DossierDetail> {
    return toDetail(await this.getHandler.execute(request.id ?? '', 'GetDossierDetail'));
  }

  async receiveDossier(request: IntakeV1.ReceiveDossierRequest): Promise<IntakeV1.DossierDetail> {
    const feeCase = request.feeCase
      ? {
          variant: request.feeCase.variant ?? '',
          attributes: request.feeCase.attributes ?? [],
          quantities: (request.feeCase.quantities ?? []).map((q) => ({ item: q.item ?? '', quantity: q.quantity ?? 0 })),
        }
      : DEFAULT_FEE_CASE;
    return toDetail(await this.checkHandler.execute(CheckDossierCommand.create(request, { kind: 'receive', note: request.note ?? '', feeCase })));
  }

  async requestSupplement(request: IntakeV1.RequestSupplementRequest): Promise<IntakeV1.DossierDetail> {
    const items = (request.items ?? []).map((item) => ({ componentCode: item.componentCode ?? '', reason: item.reason ?? '' }));
    return toDetail(await this.checkHandler.execute(CheckDossierCommand.create(request, { kind: 'request_supplement', items })));
  }

  async refuseDossier(request: IntakeV1.RefuseDossierRequest): Promise<IntakeV1.DossierDetail> {
    return toDetail(await this.checkHandler.execute(CheckDossierCommand.create(request, { kind: 'refuse', reasons: request.reasons ?? [] })));
  }

  async resubmitDossier(request: IntakeV1.ResubmitDossierRequest): Promise<IntakeV1.DossierDetail> {
    const components = (request.components ?? []).map((c) => ({ componentCode: c.componentCode ?? '', fileReference: c.fileReference ?? '' }));
    return toDetail(await this.applicantHandler.resubmit(dossierIdOf(request.dossierId), components));
  }

  async withdrawDossier(request: IntakeV1.WithdrawDossierRequest): Promise<IntakeV1.DossierDetail> {
    return toDetail(await this.applicantHandler.withdraw(dossierIdOf(request.dossierId), request.reason ?? ''));
  }

  async trackDossier(request: IntakeV1.TrackDossierRequest): Promise<IntakeV1.TrackedDossier> {
    const dossier = await this.trackHandler.execute(request.code ?? '', request.secret ?? '');
    return {
      code: dossier.code ?? '',
      procedureCode: dossier.procedureCode,
      status: dossier.status,
      nationalStatus: NATIONAL_STATUS_OF[dossier.status],
      receivedAt: dossier.receivedAt?.toISOString() ?? '',
      appointmentAt: dossier.appointmentAt?.toISOString() ?? '',
      updatedAt: dossier.updatedAt.toISOString(),
    };
  }

  async listPendingChecks(request: IntakeV1.ListPendingChecksRequest): Promise<IntakeV1.ListPendingChecksResponse> {
    const page = await this.worklistHandler.execute({ deskId: request.deskId ?? '', pageSize: request.pageSize ?? 0, pageToken: request.pageToken ?? '' });
    return {
      items: page.items.map((row) => ({ dossierId: row.id, procedureCode: row.procedureCode, status: row.status, submittedAt: row.submittedAt.toISOString() })),
      nextPageToken: page.nextPageToken,
    };
  }

  async listDossierActions(request: IntakeV1.ListDossierActionsRequest): Promise<IntakeV1.ListDossierActionsResponse> {
    const actions = await this.getHandler.actions(request.dossierId ?? '');
    return {
      actions: actions.map((a) => ({ id: a.id, action: a.action, actorSubject: a.actorSubject, deskId: a.deskId ?? '', at: a.at.toISOString(), detailsJson: JSON.stringify(a.details) })),
    };
  }

  async listPersonalDataAccess(request: IntakeV1.ListPersonalDataAccessRequest): Promise<IntakeV1.ListPersonalDataAccessResponse> {
    const page = await this.accessLogHandler.execute({ dossierId: request.dossierId ?? '', pageSize: request.pageSize ?? 0, pageToken: request.pageToken ?? '' });
    return {
      entries: page.entries.map((e) => ({
        id: e.id,
        accessedAt: e.accessedAt.toISOString(),
        actorSubject: e.actorSubject,
        actorRoles: [...e.actorRoles],
        actorAgencyId: e.actorAgencyId ?? '',
        dossierId: e.dossierId ?? '',
        read: e.read,
        traceId: e.traceId,
      })),
      nextPageToken: page.nextPageToken,
    };
  }
}

function toProto(dossier: Dossier): IntakeV1.Dossier {
  return {
    id: dossier.id,
    procedureId: dossier.procedureId,
    procedureCode: dossier.procedureCode,
    agencyId: dossier.agencyId,
    status: dossier.status,
    channel: dossier.channel,
    submittedAt: dossier.submittedAt.toISOString(),
    updatedAt: dossier.updatedAt.toISOString(),
    components: dossier.components.map((c) => ({ ...c })),
  };
}

function toDetail(dossier: Dossier): IntakeV1.DossierDetail {
  return {
    dossier: toProto(dossier),
    nationalStatus: NATIONAL_STATUS_OF[dossier.status],
    nationalChannel: dossier.nationalChannel,
    procedureVersionId: dossier.procedureVersionId ?? '',
    code: dossier.code ?? '',
    receivedAt: dossier.receivedAt?.toISOString() ?? '',
    appointmentAt: dossier.appointmentAt?.toISOString() ?? '',
    appointmentLocalDate: dossier.appointmentLocalDate ?? '',
    receivingAgencyId: dossier.receivingAgencyId ?? '',
    receivingDeskId: dossier.receivingDeskId ?? '',
    submissionDeskId: dossier.submissionDeskId ?? '',
    fees: (dossier.fees ?? []).map((f) => ({ item: f.item, itemName: f.itemName, kind: f.kind, type: f.type, rule: f.rule, amount: String(f.amount) })),
    feesTotal: String(dossier.feesTotal ?? 0),
    supplementRequests: dossier.supplementRequests,
  };
}
