import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { DossierFeesAssessedV1, DossierReceivedV1, DossierRefusedV1, DossierRoutedV1, DossierSupplementRequestedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { EntityManager } from 'typeorm';
import { formatDossierCode, localDate } from '../../domain/dossier-code';
import { assertAllowed, awaitingCheck, Dossier, receive, refuse, requestSupplement } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';
import { officerDesk } from '../desk';
import { Clock } from '../clock';
import { AppointmentSlot, DeskReceiveDecision, ProcedureCatalogue } from '../procedure-catalogue.port';
import { CheckDossierCommand } from './check-dossier.command';

/**
 * The desk officer's check: receive (code, appointment from the dossier's own procedure
 * version on the tenant calendar, fees, routing to the competent agency), request a
 * supplement, or refuse. Each decision is recorded (who, when, what) in the append-only
 * action log and published through the outbox in the same transaction.
 */
@Injectable()
export class CheckDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly catalogue: ProcedureCatalogue,
    private readonly dossiers: DossierRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: CheckDossierCommand): Promise<Dossier> {
    const before = await this.runner.run((manager) => this.dossiers.findById(manager, command.dossierId));
    if (!before) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id: command.dossierId });
    const officer = authorizeCaller('dossier.receive', { agencyId: before.intakeAgencyId, deskId: before.submissionDeskId ?? undefined });
    const desk = officerDesk(officer, command.deskId || before.submissionDeskId || '');
    const { decision } = command;
    if (decision.kind !== 'receive') return this.decide(command, officer.subject, desk.deskId, desk.agencyId);

    // Receipt: the catalogue is asked outside the transaction, about the version the dossier keeps.
    assertAllowed(before, 'receive');
    const versionId = before.procedureVersionId ?? '';
    const unit = before.applicantUnitCode ?? '';
    const allowed: DeskReceiveDecision = await this.catalogue.canDeskReceive(desk.deskId, versionId, unit);
    if (!allowed.allowed) {
      throw new IntakeError(IntakeErrorCode.DeskCannotReceive, 'This desk may not receive this procedure', { reason: allowed.reason, deskId: desk.deskId });
    }
    const competent = await this.catalogue.competentAgency(versionId, unit);
    const fees = await this.catalogue.assessFees(versionId, before.channel, decision.feeCase);
    const receivedAt = this.clock.now();
    const appointment: AppointmentSlot = await this.catalogue.appointment(versionId, receivedAt);
    const competentAgencyId = competent.agencyId || before.agencyId;

    return this.runner.run(async (manager) => {
      const dossier = await this.lockAwaiting(manager, command.dossierId);
      const format = await this.dossiers.codeFormat(manager, dossier.procedureCode);
      // agency-day: the receiving agency's code; Circular 04/2025: the deciding (competent) agency's.
      const agencyCode = format.format === 'agency-day' ? desk.agencyId : competentAgencyId;
      const day = localDate(receivedAt);
      const sequence = await this.dossiers.nextSequence(manager, format.format, agencyCode, day);
      // Past 9999 an agency-day code is refused (DOSSIER_CODES_EXHAUSTED): this transaction,
      // counter increment included, rolls back and the dossier stays awaiting its check.
      const code = formatDossierCode({ format: format.format, agencyCode, date: day, sequence, systemDigits: format.systemDigits ?? undefined });
      const received = receive(dossier, {
        code,
        receivingAgencyId: desk.agencyId,
        receivingDeskId: desk.deskId,
        competentAgencyId,
        at: receivedAt,
        appointmentAt: appointment.appointmentAt,
        appointmentLocalDate: appointment.localDate,
        fees: fees.lines,
        feesTotal: fees.total,
      });
      await this.dossiers.save(manager, received);
      await this.dossiers.appendAction(manager, {
        dossierId: received.id,
        action: 'received',
        actorSubject: officer.subject,
        deskId: desk.deskId,
        at: receivedAt,
        details: { code, appointmentAt: appointment.appointmentAt.toISOString(), competentAgencyId, deskDecision: allowed.reason, feesTotal: fees.total, note: decision.note },
      });
      const pseudonym = await this.dossiers.pseudonymOf(manager, received.id);
      await this.outbox.append(manager, {
        type: DossierReceivedV1.type,
        subject: received.id,
        data: {
          dossierId: received.id,
          code,
          procedureId: received.procedureId,
          procedureVersionId: versionId,
          procedureCode: received.procedureCode,
          channel: received.channel,
          nationalChannel: received.nationalChannel,
          agencyId: competentAgencyId,
          receivingAgencyId: desk.agencyId,
          receivingDeskId: desk.deskId,
          applicantPseudonym: pseudonym,
          receivedBy: officer.subject,
          receivedAt: receivedAt.toISOString(),
          appointmentAt: appointment.appointmentAt.toISOString(),
        },
      });
      await this.outbox.append(manager, {
        type: DossierRoutedV1.type,
        subject: received.id,
        data: {
          dossierId: received.id,
          receivingAgencyId: desk.agencyId,
          receivingDeskId: desk.deskId,
          competentAgencyId,
          locationIndependent: competentAgencyId !== desk.agencyId,
          routedAt: receivedAt.toISOString(),
        },
      });
      await this.outbox.append(manager, {
        type: DossierFeesAssessedV1.type,
        subject: received.id,
        data: {
          dossierId: received.id,
          procedureVersionId: versionId,
          channel: received.channel,
          lines: fees.lines.map(({ item, kind, type, rule, amount }) => ({ item, kind, type, rule, amount })),
          total: fees.total,
          assessedAt: receivedAt.toISOString(),
        },
      });
      return received;
    });
  }

  private async decide(command: CheckDossierCommand, officer: string, deskId: string, agencyId: string): Promise<Dossier> {
    const { decision } = command;
    const at = this.clock.now();
    return this.runner.run(async (manager) => {
      const dossier = await this.lockAwaiting(manager, command.dossierId);
      if (decision.kind === 'request_supplement') {
        const items = decision.items.map((item) => ({ componentCode: item.componentCode, reason: item.reason.trim() }));
        const changed = requestSupplement(dossier, items, at);
        await this.dossiers.save(manager, changed);
        await this.dossiers.appendAction(manager, { dossierId: changed.id, action: 'supplement_requested', actorSubject: officer, deskId, at, details: { items } });
        await this.outbox.append(manager, {
          type: DossierSupplementRequestedV1.type,
          subject: changed.id,
          data: { dossierId: changed.id, agencyId, deskId, items, requestedBy: officer, requestedAt: at.toISOString() },
        });
        return changed;
      }
      if (decision.kind === 'refuse') {
        const reasons = decision.reasons.map((reason) => reason.trim());
        const changed = refuse(dossier, reasons, at);
        await this.dossiers.save(manager, changed);
        await this.dossiers.appendAction(manager, { dossierId: changed.id, action: 'refused', actorSubject: officer, deskId, at, details: { reasons } });
        await this.outbox.append(manager, {
          type: DossierRefusedV1.type,
          subject: changed.id,
          data: { dossierId: changed.id, agencyId, deskId, reasons, refusedBy: officer, refusedAt: at.toISOString() },
        });
        return changed;
      }
      throw new IntakeError(IntakeErrorCode.InvalidDecision, 'Unknown decision', { decision: decision.kind });
    });
  }

  /** The dossier under row lock; a concurrent decision that won makes this one fail cleanly. */
  private async lockAwaiting(manager: EntityManager, id: string): Promise<Dossier> {
    const dossier = await this.dossiers.findById(manager, id, { lock: true });
    if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id });
    if (!awaitingCheck(dossier)) {
      throw new IntakeError(IntakeErrorCode.InvalidTransition, 'The dossier is not awaiting a check', { status: dossier.status });
    }
    return dossier;
  }
}
