import { DEFAULT_FONT_PATH, formatVietnamTime, loadPdfFont, PdfFlow } from '@motcua/printing';
import { channelLabel, RECEIPT_TEXT as T, ReceiptData } from './receipt-data';

/**
 * The receipt and appointment slip as a PDF (A4, DejaVu Sans embedded, text extractable).
 * Pure apart from reading the font file once.
 */
export function renderReceiptPdf(data: ReceiptData, fontPath = DEFAULT_FONT_PATH): Buffer {
  const flow = new PdfFlow(loadPdfFont(fontPath));
  const line = flow.line;
  flow.formHeading({ form: T.form, nation: T.nation, motto: T.motto, title: T.title });
  flow.labelled(T.code, data.dossierCode ?? T.noCode);
  flow.labelled(T.agency, data.agency);
  if (data.desk) flow.labelled(T.desk, data.desk);
  flow.labelled(T.applicant, data.applicantName);
  flow.labelled(T.procedure, data.procedure);
  flow.labelled(T.channel, channelLabel(data.channel));
  flow.labelled(T.receivedAt, formatVietnamTime(data.receivedAt));
  flow.labelled(T.appointmentAt, data.appointmentAt ? formatVietnamTime(data.appointmentAt) : T.noAppointment);
  flow.newLine(line * 0.5);
  flow.text(`${T.components}:`);
  flow.newLine();
  data.components.forEach((component, i) => {
    flow.paragraph(`${i + 1}. ${[component.code, component.name, component.note].filter(Boolean).join(' - ')}`, 16);
  });
  flow.newLine();
  flow.labelled(T.officer, data.officer ?? T.unknown);
  return flow.toPdf({ title: T.title, producer: 'MotCua' });
}
