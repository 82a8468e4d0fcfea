import { nameWithCode } from '@motcua/printing';
import { ProcedureCatalogue } from '../dossier/application/procedure-catalogue.port';

/**
 * The agency and desk of a slip as a citizen reads them, from the catalogue. When the
 * catalogue cannot answer (down, slow), the slip still prints, with the codes: a receipt the
 * applicant can take away beats none.
 */
export async function slipStructureNames(
  catalogue: ProcedureCatalogue,
  agencyId: string,
  deskId: string | undefined,
): Promise<{ agency: string; desk: string | null; resolved: boolean }> {
  const names = agencyId
    ? await catalogue.structureNames(agencyId, deskId).then(
        (found) => ({ ...found, resolved: true }),
        () => ({ agency: null, desk: null, resolved: false }),
      )
    : { agency: null, desk: null, resolved: false };
  return {
    agency: nameWithCode(names.agency, agencyId),
    desk: deskId ? nameWithCode(names.desk, deskId) : null,
    resolved: names.resolved,
  };
}
