import { authorizeCaller } from '@motcua/auth';
import { currentTenant } from '@motcua/tenancy';
import { DocumentError, DocumentErrorCode } from '../domain/document.errors';

export interface OnBehalfOf {
  readonly applicantSubject?: string | null;
  readonly deskId?: string | null;
}

/** Whose documents an act touches (`owner`) and who performs it (`actor`). */
export interface Acting {
  readonly owner: string;
  readonly actor: string;
}

const SUBJECT = /^[\w.@:|-]{1,200}$/;

/**
 * Owners act on their own documents (`dossier.submit`, owner scope); a desk officer acts for
 * an applicant at one of their desks (`dossier.receive`, desk scope: the caller's agency and
 * the desk named, which must be one of the caller's).
 */
export function actingFor(onBehalfOf: OnBehalfOf | null | undefined): Acting {
  const applicant = onBehalfOf?.applicantSubject ?? '';
  if (applicant === '') {
    const caller = authorizeCaller('dossier.submit', { ownerSubject: currentTenant().actor?.subject });
    return { owner: caller.subject, actor: caller.subject };
  }
  const deskId = onBehalfOf?.deskId ?? '';
  if (!SUBJECT.test(applicant) || deskId === '') {
    throw new DocumentError(DocumentErrorCode.InvalidRequest, 'Acting for an applicant needs their subject and a desk', {
      errors: [
        ...(SUBJECT.test(applicant) ? [] : [{ field: 'onBehalfOf.applicantSubject', message: 'an identity subject' }]),
        ...(deskId === '' ? [{ field: 'onBehalfOf.deskId', message: 'required' }] : []),
      ],
    });
  }
  const caller = authorizeCaller('dossier.receive', { agencyId: currentTenant().actor?.agencyId, deskId });
  return { owner: applicant, actor: caller.subject };
}
