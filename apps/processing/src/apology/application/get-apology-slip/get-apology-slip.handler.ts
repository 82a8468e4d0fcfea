import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { authorizeDossierRead } from '../../../workflow/application/authorize-dossier-read';
import { ProcessingCatalogue } from '../../../workflow/application/catalogue.port';
import { ProcessingError, ProcessingErrorCode } from '../../../workflow/domain/processing.errors';
import { WorkflowRepository } from '../../../workflow/persistence/workflow.repository';
import { apologySlipOf, issuedApology } from '../../domain/apology-slip';
import { renderApologySlipHtml } from '../../domain/apology-slip.html';
import { renderApologySlipPdf } from '../../domain/apology-slip.pdf';
import { slipAgencyName } from './agency-name';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ApologySlipFormat = 'html' | 'pdf';

export interface RenderedApologySlip {
  readonly contentType: string;
  readonly content: Buffer;
  readonly fileName: string;
}

/**
 * The apology slip (form 04) of a dossier whose agency at fault apologised with a new
 * appointment, for staff of the agencies it passes through (`dossier.read`). The slip holds
 * no personal data (processing has none): it is not an audited personal-data read.
 */
@Injectable()
export class GetApologySlipHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly catalogue: ProcessingCatalogue,
  ) {}

  async execute(input: { dossierId?: string; format?: string }): Promise<RenderedApologySlip> {
    const dossierId = input.dossierId ?? '';
    const format = input.format === undefined || input.format === '' ? 'html' : input.format;
    if (format !== 'html' && format !== 'pdf') {
      throw new ProcessingError(ProcessingErrorCode.InvalidAction, 'The request is invalid: format html or pdf', { errors: [{ field: 'format', message: 'html or pdf' }] });
    }
    const { workflow, actions } = await this.runner.run(async (manager) => {
      const found = UUID.test(dossierId) ? await this.workflows.find(manager, dossierId) : null;
      if (!found) throw new ProcessingError(ProcessingErrorCode.WorkflowNotFound, 'No workflow for this dossier', { dossierId });
      authorizeDossierRead(found);
      return { workflow: found, actions: await this.workflows.history(manager, dossierId) };
    });
    const apology = issuedApology(workflow, actions);
    const slip = apologySlipOf(workflow, apology, await slipAgencyName(this.catalogue, apology.change.agencyId));
    const name = `phieu-xin-loi-${slip.dossierCode || dossierId}`.replace(/[^A-Za-z0-9.-]/g, '-');
    return format === 'pdf'
      ? { contentType: 'application/pdf', content: renderApologySlipPdf(slip), fileName: `${name}.pdf` }
      : { contentType: 'text/html; charset=utf-8', content: Buffer.from(renderApologySlipHtml(slip), 'utf8'), fileName: `${name}.html` };
  }
}
