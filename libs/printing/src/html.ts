const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The rules every printable page shares: a sans-serif with every Vietnamese letter, A4-like margins, plain tables. */
export const PRINT_CSS = `body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2cm; }
header { text-align: center; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.2em 0.4em; }
`;

/** One labelled field of a printed form, both parts escaped. */
export function htmlFieldRow(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

/**
 * A standalone, printable UTF-8 Vietnamese page. `title` is escaped here; `css` and `body`
 * are markup the caller built (escaping every datum it put in).
 */
export function htmlPage(page: { title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)}</title>
<style>
${page.css}</style>
</head>
<body>
${page.body}</body>
</html>
`;
}
