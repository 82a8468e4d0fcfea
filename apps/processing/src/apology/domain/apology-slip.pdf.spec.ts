import { extractText, parsePdf } from '@motcua/printing';
import { renderApologySlipPdf } from './apology-slip.pdf';
import { sampleApologySlip } from './sample-apology-slip';

describe('renderApologySlipPdf', () => {
  const pdf = renderApologySlipPdf(sampleApologySlip);

  it('is a well-formed PDF whose text is every field of the slip, in Vietnamese', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractText(parsePdf(pdf));
    for (const expected of [
      'Mẫu số 04',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Ông/Bà (người nộp hồ sơ số 000.24.11.H33-260213-0001)',
      'Mã hồ sơ: ',
      'Đăng ký khai sinh (1.001193)',
      'Ủy ban nhân dân xã Phù Cừ (000.24.11.H33)',
      '10 giờ 00 phút, ngày 13/02/2026',
      '17 giờ 00 phút, ngày 25/02/2026',
      'Thời gian hẹn trả kết quả mới: ',
      '17 giờ 00 phút, ngày 03/03/2026',
      '08 giờ 00 phút, ngày 25/02/2026',
      'hy-7e2b9c5a-lead-0008',
      'Rất mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này.',
    ]) {
      expect(text).toContain(expected);
    }
    // The reason is printed as written (wrapped at word boundaries).
    expect(text.replace(/\n/g, ' ')).toContain('Cần xác minh thêm <script>alert("x")</script> & đối chiếu hồ sơ gốc');
  });

  it('gives the same bytes for the same slip', () => {
    expect(renderApologySlipPdf(sampleApologySlip).equals(pdf)).toBe(true);
  });
});
