import { AccessSubject, authorizeCaller } from '@motcua/auth';
import { Workflow } from '../domain/workflow';

/** Staff of any agency the dossier passes through, or of its receiving desk, may read it (`dossier.read`). */
export function authorizeDossierRead(workflow: Workflow): AccessSubject {
  const agencies = new Set([workflow.receivingAgencyId, workflow.competentAgencyId, ...workflow.steps.map((step) => step.agencyId)]);
  let refusal: unknown;
  for (const agencyId of agencies) {
    try {
      return authorizeCaller('dossier.read', { agencyId });
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}
