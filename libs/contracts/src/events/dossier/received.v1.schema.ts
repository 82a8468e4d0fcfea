import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** A desk received the dossier: its code and appointment; the processing clock starts. */
export const DossierReceivedV1 = defineEvent(
  'dossier.received',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    code: z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}-\d{6}-\d{4,}$/),
    procedureId: z.uuid(),
    procedureVersionId: z.uuid(),
    procedureCode: z.string().min(1),
    channel: z.enum(['online', 'desk', 'postal']),
    nationalChannel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    agencyId: agencyCode.describe('The competent agency'),
    receivingAgencyId: agencyCode,
    receivingDeskId: z.string().min(1),
    applicantPseudonym: z.string().regex(/^[0-9a-f]{64}$/),
    receivedBy: z.string().min(1),
    receivedAt: z.iso.datetime({ offset: true }),
    appointmentAt: z.iso.datetime({ offset: true }),
  }),
);
