import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { procedureVersionSummary } from './version-summary';

/**
 * Version 1 of an administrative procedure (TTHC) was published in a tenant's catalogue.
 * Intake caches procedures and drops its cached copy on this event and on the catalogue's
 * other procedure events.
 */
export const ProcedurePublishedV1 = defineEvent('procedure.published', 1, Topics.catalogue, z.strictObject(procedureVersionSummary));
