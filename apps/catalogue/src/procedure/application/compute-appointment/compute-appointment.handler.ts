import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { FieldErrors } from '../../../shared/domain/validation';
import { parseInstant } from '../../../shared/application/parse';
import { TenantCalendars } from '../../../calendar/application/tenant-calendars';
import { withCalendar } from '../../../calendar/domain/tenant-calendar';
import { ProcedureVersion } from '../../domain/procedure';
import { parsed, parseSelector, ProcedureReader, ProcedureSelector } from '../procedure-selector';
import { CatalogueErrorCode } from '../../domain/catalogue.errors';

export interface ComputeAppointmentInput {
  id?: string | null;
  code?: string | null;
  versionId?: string | null;
  receivedAt?: string | null;
}

export interface AppointmentResult {
  version: ProcedureVersion;
  receivedAt: Date;
  appointmentAt: Date;
}

/**
 * The appointment of a dossier: its receipt plus the version's processing time on the tenant's
 * working calendar (the receipt day never counts; see docs/calendar.md). With a procedure id
 * or code, the version in force at the receipt applies.
 */
@Injectable()
export class ComputeAppointmentHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly reader: ProcedureReader,
    private readonly calendars: TenantCalendars,
  ) {}

  async execute(input: ComputeAppointmentInput): Promise<AppointmentResult> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const receivedAtOrNull = parseInstant(input.receivedAt ?? '', errors, 'receivedAt');
    const [receivedAt, selector] = parsed<[Date, ProcedureSelector]>(
      errors,
      CatalogueErrorCode.QueryInvalid,
      receivedAtOrNull,
      parseSelector({ id: input.id, code: input.code, versionId: input.versionId }, receivedAtOrNull ?? new Date(0), errors),
    );
    return this.runner.run(async (manager) => {
      const version = await this.reader.resolve(manager, selector);
      const calendar = await this.calendars.current(manager);
      const appointmentAt = withCalendar(() => calendar.appointment(receivedAt, version.definition.processingTime));
      return { version, receivedAt, appointmentAt };
    });
  }
}
