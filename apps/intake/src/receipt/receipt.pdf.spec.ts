import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, parsePdf } from '@motcua/printing';
import { renderReceiptPdf } from './receipt.pdf';
import { sampleReceipt } from './sample-receipt';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('renderReceiptPdf', () => {
  const pdf = renderReceiptPdf(sampleReceipt);

  it('holds every field of the slip, in Vietnamese, extractable', () => {
    const text = extractText(parsePdf(pdf));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      '000.00.01.H33-261126-0001',
      'UBND xã Phụng Công (000.00.01.H33)',
      'Nơi tiếp nhận: ',
      'Bộ phận Một cửa xã Phụng Công (H33-PC-01)',
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
