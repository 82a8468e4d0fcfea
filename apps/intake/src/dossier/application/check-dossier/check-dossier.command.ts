import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { MissingItem } from '../../domain/dossier';
import { FeeCase } from '../procedure-catalogue.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function dossierIdOf(value: string | null | undefined): string {
  const id = value ?? '';
  if (!UUID.test(id)) throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The dossier id is invalid', { errors: [{ field: 'dossierId', message: 'a uuid' }] });
  return id;
}

/** A desk officer's decision on a dossier awaiting its check. Contents are checked by the domain. */
export type CheckDecision =
  | { kind: 'receive'; note: string; feeCase: FeeCase }
  | { kind: 'request_supplement'; items: MissingItem[] }
  | { kind: 'refuse'; reasons: string[] };

export class CheckDossierCommand {
  private constructor(
    readonly dossierId: string,
    readonly deskId: string,
    readonly decision: CheckDecision,
  ) {}

  static create(input: { dossierId?: string | null; deskId?: string | null }, decision: CheckDecision): CheckDossierCommand {
    return new CheckDossierCommand(dossierIdOf(input.dossierId), input.deskId ?? '', decision);
  }
}
