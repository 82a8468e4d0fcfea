import { Injectable } from '@nestjs/common';
import { accessSubjectOf, assertAuthorized, AuthError, AuthErrorCode, authorize } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { Dossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { PersonalDataAccess } from '../../domain/personal-data-access';
import { DossierRepository } from '../../persistence/dossier.repository';
import { AccessLogPosition, PersonalDataAccessRepository } from '../../persistence/personal-data-access.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAccessLogToken(entry: PersonalDataAccess): string {
  return Buffer.from(`${entry.accessedAt.toISOString()}|${entry.id}`).toString('base64url');
}

export function decodeAccessLogToken(token: string): AccessLogPosition {
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const accessedAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(accessedAt.getTime())) {
    throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The page token is invalid', { errors: [{ field: 'pageToken', message: 'not a token of this list' }] });
  }
  return { accessedAt, id };
}

/**
 * Who may read a dossier's access log: the province's tenant admins (`audit.read`) and the
 * data subject, the dossier's own applicant (`dossier.read`, owner scope). Staff who may read
 * the dossier itself may not read who else read it.
 */
export function authorizeAccessLogRead(dossier: Dossier): void {
  const context = currentTenant();
  const caller = accessSubjectOf(context);
  if (!caller) throw new AuthError(AuthErrorCode.TokenMissing, 'Reading an access log needs a signed-in caller');
  if (authorize(caller, 'audit.read', { tenantId: context.tenantId }).allowed) return;
  if (caller.subject !== dossier.submittedBy) {
    throw new AuthError(AuthErrorCode.AccessDenied, 'Not allowed to read this access log', { action: 'audit.read', reason: 'not_owner' });
  }
  assertAuthorized(caller, 'dossier.read', { tenantId: context.tenantId, ownerSubject: dossier.submittedBy });
}

/** A dossier's personal-data access log, newest first, keyset-paginated. */
@Injectable()
export class ListPersonalDataAccessHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
    private readonly accesses: PersonalDataAccessRepository,
  ) {}

  async execute(input: { dossierId: string; pageSize: number; pageToken: string }): Promise<{ entries: PersonalDataAccess[]; nextPageToken: string }> {
    if (input.pageSize < 0 || input.pageSize > 100) {
      throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The page size is invalid', { errors: [{ field: 'pageSize', message: '1–100' }] });
    }
    const limit = input.pageSize || 20;
    const after = input.pageToken ? decodeAccessLogToken(input.pageToken) : null;
    const rows = await this.runner.run(async (manager) => {
      const dossier = UUID.test(input.dossierId) ? await this.dossiers.findById(manager, input.dossierId) : null;
      if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id: input.dossierId });
      authorizeAccessLogRead(dossier);
      return this.accesses.listForDossier(manager, dossier.id, limit + 1, after);
    });
    const entries = rows.slice(0, limit);
    return { entries, nextPageToken: rows.length > limit ? encodeAccessLogToken(entries[entries.length - 1]) : '' };
  }
}
