import { Injectable } from '@nestjs/common';
import { Inbox } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { markInProcessing } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';

export const MARK_IN_PROCESSING_CONSUMER = 'mark-in-processing';

/** Processing took the dossier up: its status follows, once per event. */
@Injectable()
export class MarkInProcessingHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
    private readonly inbox: Inbox,
  ) {}

  async execute(eventId: string, dossierId: string, at: Date): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, MARK_IN_PROCESSING_CONSUMER, eventId))) return;
      const dossier = await this.dossiers.findById(manager, dossierId, { lock: true });
      if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'Processing started for an unknown dossier', { dossierId });
      const moved = markInProcessing(dossier, at);
      if (moved) await this.dossiers.updateStatus(manager, moved);
    });
  }
}
