import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdministrativeUnitChangedV1, AgencyChangedV1, DeskChangedV1, EventData } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { AdministrativeUnit, Agency, Desk } from '../domain/structure';

/** Who changed what, when: each change carries the record's whole new state. */
interface Change {
  created: boolean;
  actor: string;
  now: Date;
}

@Injectable()
export class StructureEventsPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async unitChanged(manager: EntityManager, unit: AdministrativeUnit, change: Change): Promise<void> {
    const data: EventData<typeof AdministrativeUnitChangedV1> = { ...unit, created: change.created, changedBy: change.actor, changedAt: change.now.toISOString() };
    await this.outbox.append(manager, { type: AdministrativeUnitChangedV1.type, subject: unit.code, data });
  }

  async agencyChanged(manager: EntityManager, agency: Agency, change: Change): Promise<void> {
    const { id, ...rest } = agency;
    const data: EventData<typeof AgencyChangedV1> = { agencyId: id, ...rest, created: change.created, changedBy: change.actor, changedAt: change.now.toISOString() };
    await this.outbox.append(manager, { type: AgencyChangedV1.type, subject: id, data });
  }

  async deskChanged(manager: EntityManager, desk: Desk, change: Change): Promise<void> {
    const { id, ...rest } = desk;
    const data: EventData<typeof DeskChangedV1> = { deskId: id, ...rest, created: change.created, changedBy: change.actor, changedAt: change.now.toISOString() };
    await this.outbox.append(manager, { type: DeskChangedV1.type, subject: id, data });
  }
}
