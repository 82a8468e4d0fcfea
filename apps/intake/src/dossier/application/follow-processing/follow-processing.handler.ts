import { Injectable } from '@nestjs/common';
import { Inbox } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { followProcessing, ProcessingCommand, rescheduled } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';

export const FOLLOW_PROCESSING_CONSUMER = 'mark-in-processing';

/** Processing moved the dossier (started, paused, resumed, decided, returned): its status follows, once per event. */
@Injectable()
export class FollowProcessingHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
    private readonly inbox: Inbox,
  ) {}

  async execute(eventId: string, dossierId: string, command: ProcessingCommand, at: Date): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, FOLLOW_PROCESSING_CONSUMER, eventId))) return;
      const dossier = await this.dossiers.findById(manager, dossierId, { lock: true });
      if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'Processing moved an unknown dossier', { dossierId });
      const moved = followProcessing(dossier, command, at);
      if (moved) await this.dossiers.updateStatus(manager, moved);
    });
  }

  /**
   * Processing moved the applicant's appointment (a pause added its working time, or the agency
   * at fault apologised with a new one): the receipt's appointment shown to the applicant follows,
   * and the move is recorded in the dossier's history; once per event.
   */
  async reschedule(eventId: string, dossierId: string, move: { appointmentAt: Date; at: Date; reason: 'pause' | 'apology'; by: string }): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, FOLLOW_PROCESSING_CONSUMER, eventId))) return;
      const dossier = await this.dossiers.findById(manager, dossierId, { lock: true });
      if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'Processing moved an unknown dossier', { dossierId });
      const previous = dossier.appointmentAt;
      const moved = rescheduled(dossier, move.appointmentAt, move.at);
      if (!moved) return;
      await this.dossiers.updateAppointment(manager, moved);
      await this.dossiers.appendAction(manager, {
        dossierId,
        action: 'appointment_moved',
        actorSubject: move.by,
        deskId: null,
        at: move.at,
        details: { reason: move.reason, previousAppointmentAt: previous?.toISOString() ?? null, appointmentAt: move.appointmentAt.toISOString() },
      });
    });
  }
}
