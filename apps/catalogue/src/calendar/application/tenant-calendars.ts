import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@motcua/calendar';
import { currentTenant } from '@motcua/tenancy';
import { buildWorkingCalendar } from '../domain/tenant-calendar';
import { CalendarRepository } from '../persistence/calendar.repository';

/**
 * The WorkingCalendar of the calling tenant, built once per settings revision: a read checks
 * the revision (a primary-key lookup) and rebuilds only when the tenant changed its calendar,
 * so every process stays current without listening to events.
 */
@Injectable()
export class TenantCalendars {
  private readonly cache = new Map<string, { revision: number; calendar: WorkingCalendar }>();

  constructor(private readonly calendars: CalendarRepository) {}

  async current(manager: EntityManager): Promise<WorkingCalendar> {
    const tenantId = currentTenant().tenantId;
    const revision = await this.calendars.revision(manager);
    const cached = this.cache.get(tenantId);
    if (cached && cached.revision === revision) return cached.calendar;
    const settings = await this.calendars.settings(manager);
    const calendar = buildWorkingCalendar(settings, await this.calendars.overrides(manager));
    this.cache.set(tenantId, { revision: settings.revision, calendar });
    return calendar;
  }
}
