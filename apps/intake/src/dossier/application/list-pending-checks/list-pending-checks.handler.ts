import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { currentTenant } from '@motcua/tenancy';
import { TenantTransactionRunner } from '@motcua/persistence';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository, PendingCheckRow } from '../../persistence/dossier.repository';
import { officerDesk } from '../desk';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePageToken(row: PendingCheckRow): string {
  return Buffer.from(`${row.submittedAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodePageToken(token: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(submittedAt.getTime())) {
    throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The page token is invalid', { errors: [{ field: 'pageToken', message: 'not a token of this list' }] });
  }
  return { submittedAt, id };
}

/**
 * The desk worklist: online submissions awaiting a check at the officer's agency, oldest
 * first, keyset-paginated on (submitted_at, id) over `dossiers_worklist_idx`.
 */
@Injectable()
export class ListPendingChecksHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
  ) {}

  async execute(input: { deskId: string; pageSize: number; pageToken: string }): Promise<{ items: PendingCheckRow[]; nextPageToken: string }> {
    const officer = authorizeCaller('dossier.receive', { agencyId: currentTenant().actor?.agencyId });
    const desk = officerDesk(officer, input.deskId);
    if (input.pageSize < 0 || input.pageSize > 100) {
      throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The page size is invalid', { errors: [{ field: 'pageSize', message: '1–100' }] });
    }
    const limit = input.pageSize || 20;
    const after = input.pageToken ? decodePageToken(input.pageToken) : null;
    const rows = await this.runner.run((manager) => this.dossiers.pendingChecks(manager, desk.agencyId, limit + 1, after));
    const items = rows.slice(0, limit);
    return { items, nextPageToken: rows.length > limit ? encodePageToken(items[items.length - 1]) : '' };
  }
}
