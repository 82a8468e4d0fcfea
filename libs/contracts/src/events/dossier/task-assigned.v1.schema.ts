import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** A step's task went to an officer: claimed from the pool (assignedBy = assignee) or assigned by a leader. */
export const DossierTaskAssignedV1 = defineEvent(
  'dossier.task-assigned',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    step: z.number().int().min(0),
    agencyId: agencyCode,
    assignee: staff.describe('Staff subject of the officer'),
    assignedBy: staff,
    assignedAt: instant,
  }),
);
