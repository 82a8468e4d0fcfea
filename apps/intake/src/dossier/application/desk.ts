import { AccessSubject } from '@motcua/auth';
import { IntakeError, IntakeErrorCode } from '../domain/intake.errors';

/** The desk an officer works at: one of their own desks (from the token), the first when none is named. */
export function officerDesk(officer: AccessSubject, requested: string): { deskId: string; agencyId: string } {
  const desks = officer.deskIds ?? [];
  const deskId = requested || desks[0] || '';
  if (!deskId || !desks.includes(deskId) || !officer.agencyId) {
    throw new IntakeError(IntakeErrorCode.DeskNotOwn, 'The officer does not work at this desk', { deskId });
  }
  return { deskId, agencyId: officer.agencyId };
}
