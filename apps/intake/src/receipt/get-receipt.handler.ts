import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { PersonalDataAccessLog } from '../dossier/application/personal-data-access/personal-data-access.log';
import { checkUuid } from '../document/domain/document';
import { DocumentError, DocumentErrorCode } from '../document/domain/document.errors';
import { renderReceiptHtml } from './receipt.html';
import { renderReceiptPdf } from './receipt.pdf';
import { ReceiptSource } from './receipt-source.port';

export type ReceiptFormat = 'html' | 'pdf';

export interface RenderedReceipt {
  readonly contentType: string;
  readonly content: Buffer;
  readonly fileName: string;
}

/**
 * The receipt and appointment slip of a dossier, for its applicant or staff of its agency
 * (`dossier.read`). It carries the applicant's personal data: a read by anyone but the
 * applicant is recorded in the personal-data access log.
 */
@Injectable()
export class GetReceiptHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly source: ReceiptSource,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  async execute(input: { dossierId?: string; format?: string }): Promise<RenderedReceipt> {
    const dossierId = checkUuid(input.dossierId ?? '', 'dossierId');
    const format = input.format === '' || input.format === undefined ? 'html' : input.format;
    if (format !== 'html' && format !== 'pdf') {
      throw new DocumentError(DocumentErrorCode.InvalidRequest, 'Unknown receipt format', { errors: [{ field: 'format', message: 'html or pdf' }] });
    }
    const record = await this.runner.run(async (manager) => {
      const found = await this.source.find(manager, dossierId);
      if (!found) throw new DocumentError(DocumentErrorCode.DossierNotFound, 'No such dossier', { id: dossierId });
      authorizeCaller('dossier.read', { agencyId: found.agencyId, ownerSubject: found.ownerSubject, deskId: found.deskId });
      await this.accessLog.recordRead(manager, { read: 'GetReceipt', dataSubject: found.ownerSubject, dossierId });
      return found;
    });
    const name = `phieu-tiep-nhan-${record.data.dossierCode ?? dossierId}`.replace(/[^A-Za-z0-9.-]/g, '-');
    return format === 'pdf'
      ? { contentType: 'application/pdf', content: renderReceiptPdf(record.data), fileName: `${name}.pdf` }
      : { contentType: 'text/html; charset=utf-8', content: Buffer.from(renderReceiptHtml(record.data), 'utf8'), fileName: `${name}.html` };
  }
}
