import { ProcessingCatalogue } from '../../../workflow/application/catalogue.port';
import { nameWithCode } from '@motcua/printing';

/**
 * The agency at fault as the slip prints it, from the catalogue. When the catalogue cannot
 * answer (down, slow), the slip still prints, with the agency's identifier code: an apology
 * the applicant receives beats none.
 */
export async function slipAgencyName(catalogue: ProcessingCatalogue, agencyId: string): Promise<string> {
  const names = await catalogue.agencyNames().catch(() => new Map<string, string>());
  return nameWithCode(names.get(agencyId), agencyId);
}
