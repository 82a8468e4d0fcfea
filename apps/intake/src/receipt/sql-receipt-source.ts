import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { ProcedureCatalogue } from '../dossier/application/procedure-catalogue.port';
import { slipStructureNames } from './catalogue-names';
import { ReceiptComponent } from './receipt-data';
import { ReceiptRecord, ReceiptSource } from './receipt-source.port';

interface Row {
  dossier: Record<string, unknown>;
  applicant: Record<string, unknown> | null;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const instant = (value: unknown): Date | undefined => {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

function components(value: unknown): ReceiptComponent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const code = text(record.componentCode) ?? text(record.code);
    if (!code) return [];
    const digitized = record.digitized === true || record.digitizedAtDesk === true;
    return [{ code, name: text(record.name) ?? '', note: digitized ? 'Số hóa tại Bộ phận Một cửa' : '' }];
  });
}

/**
 * Reads the receipt from intake.dossiers and intake.applicants as whole rows (`to_jsonb`), so
 * columns the dossier feature adds later (code, received_at, appointment_at, received_by,
 * procedure_name, desk_id) are used when present and the walking-skeleton columns otherwise.
 * The receiving agency and desk are printed by name from the catalogue, "Name (code)".
 */
@Injectable()
export class SqlReceiptSource extends ReceiptSource {
  constructor(private readonly catalogue: ProcedureCatalogue) {
    super();
  }

  async find(manager: EntityManager, dossierId: string): Promise<ReceiptRecord | null> {
    const rows: Row[] = await manager.query(
      `SELECT to_jsonb(d) AS dossier, to_jsonb(a) AS applicant
         FROM intake.dossiers d
         LEFT JOIN intake.applicants a ON a.tenant_id = d.tenant_id AND a.dossier_id = d.id
        WHERE d.tenant_id = $1 AND d.id = $2`,
      [currentTenant().tenantId, dossierId],
    );
    const row = rows[0];
    if (!row) return null;
    const d = row.dossier;
    const agencyId = text(d.agency_id) ?? '';
    const procedureCode = text(d.procedure_code) ?? '';
    const procedureName = text(d.procedure_name);
    const deskId = text(d.receiving_desk_id) ?? text(d.desk_id);
    const names = await slipStructureNames(this.catalogue, text(d.receiving_agency_id) ?? agencyId, deskId);
    return {
      ownerSubject: text(d.applicant_subject) ?? text(d.submitted_by) ?? '',
      agencyId,
      deskId,
      data: {
        dossierId,
        dossierCode: text(d.code) ?? text(d.dossier_code) ?? null,
        agency: names.agency,
        desk: names.desk,
        applicantName: text(row.applicant?.full_name) ?? text(row.applicant?.name) ?? '',
        procedure: procedureName ? `${procedureName} (${procedureCode})` : procedureCode,
        channel: text(d.channel) ?? '',
        components: components(d.components),
        receivedAt: instant(d.received_at) ?? instant(d.submitted_at) ?? new Date(0),
        appointmentAt: instant(d.appointment_at) ?? instant(d.appointment_due_at) ?? null,
        officer: text(d.received_by_name) ?? text(d.received_by) ?? null,
      },
    };
  }
}
