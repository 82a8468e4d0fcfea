import { A4 } from './pdf-writer';
import { escapeHtml, htmlFieldRow, htmlPage } from './html';
import { loadPdfFont, PdfFlow } from './layout';
import { extractText, parsePdf } from './pdf-test-support';
import { formatVietnamTime, NATIONAL_HEADING } from './vietnam-time';

describe('PdfFlow', () => {
  it('lays the lines out top to bottom and onto a new page at the bottom margin', () => {
    const flow = new PdfFlow(loadPdfFont());
    flow.nationalHeading(NATIONAL_HEADING.nation, NATIONAL_HEADING.motto);
    flow.newLine();
    const perPage = Math.floor((A4.height - 2 * flow.margin) / flow.line);
    for (let i = 1; i <= perPage + 5; i++) flow.labelled(`Dòng ${i}`, 'Chứng thực bản sao từ bản chính');
    const parsed = parsePdf(flow.toPdf({ title: 'Thử' }));
    expect([...parsed.objects.values()].find((o) => o.body.includes('/Type /Pages'))?.body).toMatch(/\/Count 2/);
    const text = extractText(parsed);
    expect(text.startsWith(`${NATIONAL_HEADING.nation}\n${NATIONAL_HEADING.motto}\nDòng 1: `)).toBe(true);
    expect(text).toContain(`Dòng ${perPage + 5}: `);
  });

  it('wraps a long value under itself, losing no word', () => {
    const flow = new PdfFlow(loadPdfFont());
    const value = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận '.repeat(3).trim();
    flow.labelled('Thủ tục', value);
    const lines = extractText(parsePdf(flow.toPdf({}))).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).join(' ')).toBe(value);
  });
});

describe('html helpers', () => {
  it('escapes every special character', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });

  it('never lets data become markup in a field or the title', () => {
    expect(htmlFieldRow('<b>', '<script>')).toBe('<tr><th scope="row">&lt;b&gt;</th><td>&lt;script&gt;</td></tr>');
    expect(htmlPage({ title: '</title><script>', css: '', body: '' })).toContain('<title>&lt;/title&gt;&lt;script&gt;</title>');
  });

  it('makes a UTF-8 Vietnamese page', () => {
    expect(htmlPage({ title: 'Phiếu', css: 'p {}\n', body: '<p>x</p>\n' })).toMatch(/^<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
  });
});

describe('formatVietnamTime', () => {
  it('is UTC+7 across the date line', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:30:00Z'))).toBe('00 giờ 30 phút, ngày 01/01/2027');
  });
});
