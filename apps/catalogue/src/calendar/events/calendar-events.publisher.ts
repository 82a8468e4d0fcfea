import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarChangedV1, EventData } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { currentTenant } from '@motcua/tenancy';
import { CalendarOverride, CalendarSettings } from '../domain/tenant-calendar';

/** `calendar.changed`; the aggregate is the tenant's calendar, so key and subject are the tenant id. */
@Injectable()
export class CalendarEventsPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async changed(
    manager: EntityManager,
    settings: CalendarSettings,
    change: { kind: 'settings' } | { kind: 'override-set'; override: CalendarOverride } | { kind: 'override-removed'; date: string },
    actor: string,
    now: Date,
  ): Promise<void> {
    const data: EventData<typeof CalendarChangedV1> = {
      revision: settings.revision,
      change: change.kind,
      officeHours: settings.officeHours.map((i) => ({ start: i.start, end: i.end })),
      weeklyRestDays: [...settings.weeklyRestDays],
      overrideDate: change.kind === 'override-set' ? change.override.date : change.kind === 'override-removed' ? change.date : null,
      overrideKind: change.kind === 'override-set' ? change.override.kind : null,
      changedBy: actor,
      changedAt: now.toISOString(),
    };
    await this.outbox.append(manager, { type: CalendarChangedV1.type, subject: currentTenant().tenantId, data });
  }
}
