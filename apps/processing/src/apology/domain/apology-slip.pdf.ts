import { DEFAULT_FONT_PATH, formatVietnamTime, loadPdfFont, PdfFlow } from '@motcua/printing';
import { APOLOGY_SLIP_TEXT as T, ApologySlip } from './apology-slip';

/**
 * The apology slip (form 04) as a PDF (A4, DejaVu Sans embedded, text extractable).
 * Pure apart from reading the font file once.
 */
export function renderApologySlipPdf(slip: ApologySlip, fontPath = DEFAULT_FONT_PATH): Buffer {
  const flow = new PdfFlow(loadPdfFont(fontPath));
  const line = flow.line;
  flow.formHeading({ form: T.form, nation: T.nation, motto: T.motto, title: T.title });
  flow.labelled(T.addressee, T.applicant(slip.dossierCode));
  flow.newLine(line * 0.5);
  flow.paragraph(T.received(slip.agency));
  flow.labelled(T.dossierCode, slip.dossierCode);
  flow.labelled(T.procedure, `${slip.procedureName} (${slip.procedureCode})`);
  flow.labelled(T.agency, slip.agency);
  flow.labelled(T.receivedAt, formatVietnamTime(slip.receivedAt));
  flow.labelled(T.previousAppointmentAt, formatVietnamTime(slip.previousAppointmentAt));
  flow.newLine(line * 0.5);
  flow.paragraph(T.late(slip.agency));
  flow.labelled(T.reason, slip.reason);
  flow.newLine(line * 0.5);
  flow.paragraph(T.sorry(slip.agency));
  flow.labelled(T.newAppointmentAt, formatVietnamTime(slip.newAppointmentAt));
  flow.newLine(line * 0.5);
  flow.paragraph(T.understanding);
  flow.newLine();
  flow.labelled(T.issuedAt, formatVietnamTime(slip.issuedAt));
  flow.labelled(T.issuedBy, slip.issuedBy);
  return flow.toPdf({ title: T.title, producer: 'MotCua' });
}
