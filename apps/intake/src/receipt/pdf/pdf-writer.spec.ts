import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RECEIPT_FONT, renderReceiptPdf, wrapText } from '../receipt.pdf';
import { sampleReceipt } from '../sample-receipt';
import { extractText, parsePdf } from './pdf-test-support';
import { PdfFont, writePdf } from './pdf-writer';
import { readTrueType } from './ttf-reader';

const fontBytes = readFileSync(DEFAULT_RECEIPT_FONT);
const newFont = () => new PdfFont(readTrueType(fontBytes), fontBytes);
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('writePdf', () => {
  const pdf = writePdf([{ texts: [{ x: 50, y: 780, size: 12, text: 'Xin chào Việt Nam (1)' }] }, { texts: [{ x: 50, y: 780, size: 12, text: 'Trang 2' }] }], newFont(), {
    title: 'Phiếu',
  });
  const parsed = parsePdf(pdf);

  it('is PDF 1.4 whose xref offsets all point at their objects', () => {
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect(parsed.objects.size).toBeGreaterThanOrEqual(10);
    expect(parsed.trailer).toMatch(/\/Size \d+ \/Root 1 0 R \/Info \d+ 0 R/);
  });

  it('embeds the font as CIDFontType2, Identity-H, with widths and a ToUnicode CMap', () => {
    const bodies = [...parsed.objects.values()].map((o) => o.body).join('\n');
    expect(bodies).toMatch(/\/Subtype \/Type0 \/BaseFont \/MCAAAA\+DejaVuSans \/Encoding \/Identity-H/);
    expect(bodies).toMatch(/\/Subtype \/CIDFontType2 .*\/CIDToGIDMap \/Identity/);
    expect(bodies).toMatch(/\/W \[\d+ \[\d+\]/);
    const fontFile = [...parsed.objects.values()].find((o) => o.body.includes('/Length1'));
    expect(fontFile?.stream?.equals(fontBytes)).toBe(true);
  });

  it('has the pages in order and the text extractable', () => {
    expect([...parsed.objects.values()].find((o) => o.body.includes('/Type /Pages'))?.body).toMatch(/\/Count 2/);
    expect(extractText(parsed)).toBe('Xin chào Việt Nam (1)\nTrang 2');
  });

  it('draws decomposed input as the precomposed letters', () => {
    const decomposed = 'Vie\u0323\u0302t';
    expect(extractText(parsePdf(writePdf([{ texts: [{ x: 0, y: 0, size: 10, text: decomposed }] }], newFont())))).toBe('Việt');
  });

  it('needs a page', () => {
    expect(() => writePdf([], newFont())).toThrow('at least one page');
  });
});

describe('wrapText', () => {
  it('keeps every line within the width and loses no word', () => {
    const font = newFont();
    const text = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận';
    const lines = wrapText(font, text, 11, 150);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => font.measure(line, 11) <= 150)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});

describe('renderReceiptPdf', () => {
  const pdf = renderReceiptPdf(sampleReceipt);

  it('holds every field of the slip, in Vietnamese, extractable', () => {
    const text = extractText(parsePdf(pdf));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      '000.00.01.H33-261126-0001',
      'UBND xã Phụng Công',
      'Đăng ký khai sinh (1.001193)',
      '09 giờ 05 phút, ngày 26/11/2026',
      '17 giờ 00 phút, ngày 30/11/2026',
      'Trần Văn Bình',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('round-trips through pdftotext when poppler is installed', () => {
    if (!has('pdftotext')) return; // poppler-utils is not part of the dev image; the CMap check above stands in.
    const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Nguyễn Thị Ánh');
  });
});
