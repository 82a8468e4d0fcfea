import { channelLabel, formatVietnamTime, RECEIPT_TEXT as T, ReceiptData } from './receipt-data';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The receipt and appointment slip as a standalone UTF-8 HTML page (printable). Pure. */
export function renderReceiptHtml(data: ReceiptData): string {
  const e = escapeHtml;
  const row = (label: string, value: string) => `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`;
  const components = data.components
    .map((c, i) => `<tr><td>${i + 1}</td><td>${e(c.code)}</td><td>${e(c.name)}</td><td>${e(c.note)}</td></tr>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${e(T.title)}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2cm; }
header { text-align: center; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.2em 0.4em; }
table.components td, table.components th { border: 1px solid #000; }
.form { text-align: right; font-size: 0.8em; }
</style>
</head>
<body>
<p class="form">${e(T.form)}</p>
<header><strong>${e(T.nation)}</strong><br><u>${e(T.motto)}</u></header>
<h1>${e(T.title)}</h1>
<table class="fields">
${row(T.code, data.dossierCode ?? T.noCode)}
${row(T.agency, data.agency)}
${row(T.applicant, data.applicantName)}
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
</body>
</html>
`;
}
