import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventData, ProcedureAmendedV1, ProcedurePublishedV1, ProcedureWithdrawnV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { ProcedureVersion, VersionEnd } from '../domain/procedure';

/** The procedure events, written to the outbox in the caller's transaction; key and subject: the procedure id. */
@Injectable()
export class ProcedureEventsPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async published(manager: EntityManager, version: ProcedureVersion): Promise<void> {
    const data: EventData<typeof ProcedurePublishedV1> = summary(version);
    await this.outbox.append(manager, { type: ProcedurePublishedV1.type, subject: version.procedureId, data });
  }

  async amended(manager: EntityManager, version: ProcedureVersion, ended: VersionEnd | null): Promise<void> {
    const data: EventData<typeof ProcedureAmendedV1> = {
      ...summary(version),
      supersedesVersionId: ended?.versionId ?? null,
      supersededUntil: ended?.effectiveTo.toISOString() ?? null,
    };
    await this.outbox.append(manager, { type: ProcedureAmendedV1.type, subject: version.procedureId, data });
  }

  async withdrawn(manager: EntityManager, version: ProcedureVersion, end: VersionEnd, actor: string, now: Date): Promise<void> {
    const data: EventData<typeof ProcedureWithdrawnV1> = {
      procedureId: version.procedureId,
      versionId: version.id,
      code: version.code,
      version: version.version,
      effectiveTo: end.effectiveTo.toISOString(),
      decision: end.endDecision as { number: string; date: string },
      withdrawnBy: actor,
      withdrawnAt: now.toISOString(),
    };
    await this.outbox.append(manager, { type: ProcedureWithdrawnV1.type, subject: version.procedureId, data });
  }
}

function summary(version: ProcedureVersion): EventData<typeof ProcedurePublishedV1> {
  const d = version.definition;
  return {
    procedureId: version.procedureId,
    versionId: version.id,
    code: version.code,
    name: d.name,
    version: version.version,
    field: d.field,
    level: d.level,
    agencyId: d.competentAgencyId,
    processingTime: { unit: d.processingTime.unit, amount: d.processingTime.amount },
    onlineLevel: d.onlineLevel,
    locationIndependent: d.locationIndependent,
    postalIntake: d.postalIntake,
    postalReturn: d.postalReturn,
    onTheSpot: d.onTheSpot,
    components: d.components.map((c) => ({ code: c.code, mandatory: c.mandatory })),
    effectiveFrom: version.effectiveFrom.toISOString(),
    decision: version.decision,
    publishedBy: version.publishedBy,
    publishedAt: version.publishedAt.toISOString(),
  };
}
