import { escapeHtml, formatVietnamTime, htmlFieldRow, htmlPage, PRINT_CSS } from '@motcua/printing';
import { APOLOGY_SLIP_TEXT as T, ApologySlip } from './apology-slip';

/** The apology slip (form 04) as a standalone UTF-8 HTML page (printable). Pure. */
export function renderApologySlipHtml(slip: ApologySlip): string {
  const e = escapeHtml;
  const row = htmlFieldRow;
  return htmlPage({
    title: T.title,
    css: `${PRINT_CSS}.form { text-align: right; font-size: 0.8em; }
.signed { margin-top: 2em; }
`,
    body: `<p class="form">${e(T.form)}</p>
<header><strong>${e(T.nation)}</strong><br><u>${e(T.motto)}</u></header>
<h1>${e(T.title)}</h1>
<p class="addressee"><strong>${e(T.addressee)}:</strong> ${e(T.applicant(slip.dossierCode))}</p>
<p>${e(T.received(slip.agency))}</p>
<table class="fields">
${row(T.dossierCode, slip.dossierCode)}
${row(T.procedure, `${slip.procedureName} (${slip.procedureCode})`)}
${row(T.agency, slip.agency)}
${row(T.receivedAt, formatVietnamTime(slip.receivedAt))}
${row(T.previousAppointmentAt, formatVietnamTime(slip.previousAppointmentAt))}
</table>
<p>${e(T.late(slip.agency))}</p>
<table class="fields">
${row(T.reason, slip.reason)}
</table>
<p>${e(T.sorry(slip.agency))}</p>
<table class="fields">
${row(T.newAppointmentAt, formatVietnamTime(slip.newAppointmentAt))}
</table>
<p>${e(T.understanding)}</p>
<table class="fields signed">
${row(T.issuedAt, formatVietnamTime(slip.issuedAt))}
${row(T.issuedBy, slip.issuedBy)}
</table>
`,
  });
}
