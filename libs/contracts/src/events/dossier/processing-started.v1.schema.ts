import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** Processing opened the first task of a received dossier's workflow. */
export const DossierProcessingStartedV1 = defineEvent(
  'dossier.processing-started',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    taskId: z.uuid(),
    step: z.string().min(1).max(100).describe('Workflow step the task belongs to'),
    startedAt: z.iso.datetime({ offset: true }).describe('RFC 3339 instant'),
  }),
);
