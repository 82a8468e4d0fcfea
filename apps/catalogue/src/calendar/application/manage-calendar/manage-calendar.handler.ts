import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DayInfo, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, OfficeHoursInterval, toLocalDate } from '@motcua/calendar';
import { authorizeCaller, authorizePublicRead } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../../procedure/domain/catalogue.errors';
import { FieldErrors, isIsoDate } from '../../../shared/domain/validation';
import { buildWorkingCalendar, CalendarOverride, CalendarSettings, checkOverride, checkSettings, OverrideKind, withCalendar } from '../../domain/tenant-calendar';
import { CalendarEventsPublisher } from '../../events/calendar-events.publisher';
import { CalendarRepository } from '../../persistence/calendar.repository';

/** The tenant's calendar as an administrator sees it: settings, own days, and a year's exceptions. */
export interface CalendarView {
  settings: CalendarSettings;
  overrides: CalendarOverride[];
  year: number;
  exceptions: DayInfo[];
}

/** Reads and changes the tenant's calendar; every change moves the revision on and emits `calendar.changed`. */
@Injectable()
export class ManageCalendarHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly calendars: CalendarRepository,
    private readonly events: CalendarEventsPublisher,
  ) {}

  async get(input: { year?: number | null }, now = new Date()): Promise<CalendarView> {
    authorizePublicRead('procedure.read');
    const year = input.year || toLocalDate(now).year;
    if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
      throw new CatalogueError(CatalogueErrorCode.QueryInvalid, 'The year is out of range', { errors: [{ field: 'year', message: `${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}` }] });
    }
    return this.runner.run((manager) => this.view(manager, year));
  }

  async updateSettings(input: { officeHours?: ({ start?: string | null; end?: string | null } | null)[] | null; weeklyRestDays?: number[] | null }, now = new Date()): Promise<CalendarView> {
    const actor = authorizeCaller('tenant.administer');
    const checked = checkSettings({
      officeHours: (input.officeHours ?? []).map((i): OfficeHoursInterval => ({ start: i?.start ?? '', end: i?.end ?? '' })),
      weeklyRestDays: input.weeklyRestDays ?? [],
    });
    return this.runner.run(async (manager) => {
      const overrides = await this.calendars.overrides(manager);
      this.assertBuilds({ ...checked, revision: 1 }, overrides);
      const revision = await this.calendars.saveSettings(manager, checked.officeHours, checked.weeklyRestDays, now);
      await this.events.changed(manager, { ...checked, revision }, { kind: 'settings' }, actor.subject, now);
      return this.view(manager, toLocalDate(now).year);
    });
  }

  async upsertOverride(input: { date?: string | null; kind?: string | null; reason?: string | null } | null, now = new Date()): Promise<CalendarView> {
    const actor = authorizeCaller('tenant.administer');
    const override = checkOverride({ date: input?.date ?? '', kind: (input?.kind ?? '') as OverrideKind, reason: input?.reason ?? '' });
    return this.runner.run(async (manager) => {
      await this.calendars.saveOverride(manager, override);
      const settings = { ...(await this.calendars.settings(manager)), revision: await this.calendars.bumpRevision(manager, now) };
      this.assertBuilds(settings, await this.calendars.overrides(manager));
      await this.events.changed(manager, settings, { kind: 'override-set', override }, actor.subject, now);
      return this.view(manager, Number(override.date.slice(0, 4)));
    });
  }

  async removeOverride(input: { date?: string | null }, now = new Date()): Promise<CalendarView> {
    const actor = authorizeCaller('tenant.administer');
    const date = input.date ?? '';
    const errors = new FieldErrors();
    errors.check(isIsoDate(date), 'date', 'a date YYYY-MM-DD');
    if (!errors.empty) throw new CatalogueError(CatalogueErrorCode.CalendarInvalid, 'The date is invalid', { errors: errors.errors });
    return this.runner.run(async (manager) => {
      if (!(await this.calendars.removeOverride(manager, date))) {
        throw new CatalogueError(CatalogueErrorCode.CalendarOverrideNotFound, 'The tenant has no own day on that date', { date });
      }
      const settings = { ...(await this.calendars.settings(manager)), revision: await this.calendars.bumpRevision(manager, now) };
      await this.events.changed(manager, settings, { kind: 'override-removed', date }, actor.subject, now);
      return this.view(manager, Number(date.slice(0, 4)));
    });
  }

  /** The calendar library has the last word on a combination of settings. */
  private assertBuilds(settings: CalendarSettings, overrides: CalendarOverride[]): void {
    buildWorkingCalendar(settings, overrides);
  }

  private async view(manager: EntityManager, year: number): Promise<CalendarView> {
    const settings = await this.calendars.settings(manager);
    const overrides = await this.calendars.overrides(manager);
    const exceptions = withCalendar(() => buildWorkingCalendar(settings, overrides).listExceptions(year));
    return { settings, overrides, year, exceptions };
  }
}

