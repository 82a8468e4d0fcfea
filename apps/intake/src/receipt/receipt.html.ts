import { escapeHtml, formatVietnamTime, htmlFieldRow, htmlPage, PRINT_CSS } from '@motcua/printing';
import { channelLabel, RECEIPT_TEXT as T, ReceiptData } from './receipt-data';

/** The receipt and appointment slip as a standalone UTF-8 HTML page (printable). Pure. */
export function renderReceiptHtml(data: ReceiptData): string {
  const e = escapeHtml;
  const row = htmlFieldRow;
  const components = data.components
    .map((c, i) => `<tr><td>${i + 1}</td><td>${e(c.code)}</td><td>${e(c.name)}</td><td>${e(c.note)}</td></tr>`)
    .join('');
  const desk = data.desk ? `${row(T.desk, data.desk)}\n` : '';
  return htmlPage({
    title: T.title,
    css: `${PRINT_CSS}table.components td, table.components th { border: 1px solid #000; }
.form { text-align: right; font-size: 0.8em; }
`,
    body: `<p class="form">${e(T.form)}</p>
<header><strong>${e(T.nation)}</strong><br><u>${e(T.motto)}</u></header>
<h1>${e(T.title)}</h1>
<table class="fields">
${row(T.code, data.dossierCode ?? T.noCode)}
${row(T.agency, data.agency)}
${desk}${row(T.applicant, data.applicantName)}
${row(T.procedure, data.procedure)}
${row(T.channel, channelLabel(data.channel))}
${row(T.receivedAt, formatVietnamTime(data.receivedAt))}
${row(T.appointmentAt, data.appointmentAt ? formatVietnamTime(data.appointmentAt) : T.noAppointment)}
</table>
<h2>${e(T.components)}</h2>
<table class="components">
<thead><tr><th>STT</th><th>Mã</th><th>Tên giấy tờ</th><th>Ghi chú</th></tr></thead>
<tbody>${components}</tbody>
</table>
<p>${e(T.officer)}: ${e(data.officer ?? T.unknown)}</p>
`,
  });
}
