import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { PersonalDataAccess, PersonalDataRead } from '../domain/personal-data-access';
import { PersonalDataAccessEntity } from './personal-data-access.entity';

/** Where a page of the log resumes: after (accessedAt, id), newest first. */
export interface AccessLogPosition {
  accessedAt: Date;
  id: string;
}

/** The append-only access log; queries only, through the tenant transaction's manager. */
@Injectable()
export class PersonalDataAccessRepository {
  async append(manager: EntityManager, access: PersonalDataAccess): Promise<void> {
    await manager.insert(PersonalDataAccessEntity, {
      tenantId: currentTenant().tenantId,
      id: access.id,
      accessedAt: access.accessedAt,
      actorSubject: access.actorSubject,
      actorRoles: [...access.actorRoles],
      actorAgencyId: access.actorAgencyId,
      dataSubject: access.dataSubject,
      dossierId: access.dossierId,
      read: access.read,
      traceId: access.traceId,
    });
  }

  /** A dossier's entries, newest first, keyset on (accessed_at, id) over `personal_data_access_dossier_idx`. */
  async listForDossier(manager: EntityManager, dossierId: string, limit: number, after: AccessLogPosition | null): Promise<PersonalDataAccess[]> {
    const params: unknown[] = [currentTenant().tenantId, dossierId, limit];
    let keyset = '';
    if (after) {
      params.push(after.accessedAt, after.id);
      keyset = 'AND (accessed_at, id) < ($4, $5)';
    }
    const rows: {
      id: string;
      accessed_at: Date;
      actor_subject: string;
      actor_roles: string[];
      actor_agency_id: string | null;
      data_subject: string;
      dossier_id: string | null;
      read: PersonalDataRead;
      trace_id: string;
    }[] = await manager.query(
      `SELECT id, accessed_at, actor_subject, actor_roles, actor_agency_id, data_subject, dossier_id, read, trace_id
         FROM intake.personal_data_access
        WHERE tenant_id = $1 AND dossier_id = $2 ${keyset}
        ORDER BY accessed_at DESC, id DESC LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      accessedAt: row.accessed_at,
      actorSubject: row.actor_subject,
      actorRoles: row.actor_roles,
      actorAgencyId: row.actor_agency_id,
      dataSubject: row.data_subject,
      dossierId: row.dossier_id,
      read: row.read,
      traceId: row.trace_id,
    }));
  }
}
