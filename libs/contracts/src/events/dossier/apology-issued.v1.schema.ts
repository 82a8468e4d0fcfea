import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** The agency at fault apologised to the applicant with a new appointment (form 04); the slip is printable from processing. */
export const DossierApologyIssuedV1 = defineEvent(
  'dossier.apology-issued',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    previousAppointmentAt: instant,
    appointmentAt: instant,
    issuedBy: staff,
    issuedAt: instant,
  }),
);
