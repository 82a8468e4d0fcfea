import { escapeHtml, renderReceiptHtml } from './receipt.html';
import { formatVietnamTime } from './receipt-data';
import { sampleReceipt } from './sample-receipt';


describe('renderReceiptHtml', () => {
  it('escapes every special character', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });

  it('never lets data become markup', () => {
    const html = renderReceiptHtml(sampleReceipt);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Nguyễn Thị Ánh &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is a UTF-8 Vietnamese page with the slip’s fields in Vietnam time', () => {
    const html = renderReceiptHtml(sampleReceipt);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(html).toContain('000.00.01.H33-261126-0001');
    expect(html).toContain('09 giờ 05 phút, ngày 26/11/2026');
    expect(html).toContain('17 giờ 00 phút, ngày 30/11/2026');
    expect(html).toContain('Trực tiếp tại Bộ phận Một cửa');
    expect(html).toContain('Giấy chứng sinh');
  });

  it('says when there is no code or appointment yet', () => {
    const html = renderReceiptHtml({ ...sampleReceipt, dossierCode: null, appointmentAt: null, officer: null });
    expect(html).toContain('(chưa cấp)');
    expect(html).toContain('(chưa xác định)');
  });
});

describe('formatVietnamTime', () => {
  it('is UTC+7 across the date line', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:30:00Z'))).toBe('00 giờ 30 phút, ngày 01/01/2027');
  });
});
