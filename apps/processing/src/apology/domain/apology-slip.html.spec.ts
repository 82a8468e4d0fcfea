import { renderApologySlipHtml } from './apology-slip.html';
import { sampleApologySlip } from './sample-apology-slip';

describe('renderApologySlipHtml', () => {
  const html = renderApologySlipHtml(sampleApologySlip);

  it('never lets data become markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Cần xác minh thêm &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; đối chiếu hồ sơ gốc');
    const hostile = renderApologySlipHtml({ ...sampleApologySlip, dossierCode: '"><img src=x>', agency: "<b>UBND</b> 'x'", issuedBy: '<i>lead</i>' });
    expect(hostile).not.toMatch(/<img|<b>|<i>/);
    expect(hostile).toContain('Ông/Bà (người nộp hồ sơ số &quot;&gt;&lt;img src=x&gt;)');
    expect(hostile).toContain('&lt;b&gt;UBND&lt;/b&gt; &#39;x&#39;');
  });

  it('is a UTF-8 Vietnamese page of form 04 under the national heading, addressed by the dossier code only', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ</title>');
    expect(html).toContain('Mẫu số 04');
    expect(html).toContain('<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><u>Độc lập - Tự do - Hạnh phúc</u>');
    expect(html).toContain('<strong>Kính gửi:</strong> Ông/Bà (người nộp hồ sơ số 000.24.11.H33-260213-0001)');
  });

  it('prints every field, instants in Vietnam time', () => {
    for (const row of [
      ['Mã hồ sơ', '000.24.11.H33-260213-0001'],
      ['Thủ tục hành chính', 'Đăng ký khai sinh (1.001193)'],
      ['Cơ quan giải quyết', 'Ủy ban nhân dân xã Phù Cừ (000.24.11.H33)'],
      ['Thời gian tiếp nhận', '10 giờ 00 phút, ngày 13/02/2026'],
      ['Thời gian hẹn trả kết quả', '17 giờ 00 phút, ngày 25/02/2026'],
      ['Thời gian hẹn trả kết quả mới', '17 giờ 00 phút, ngày 03/03/2026'],
      ['Thời gian lập phiếu', '08 giờ 00 phút, ngày 25/02/2026'],
      ['Người lập phiếu', 'hy-7e2b9c5a-lead-0008'],
    ]) {
      expect(html).toContain(`<tr><th scope="row">${row[0]}</th><td>${row[1]}</td></tr>`);
    }
    expect(html).toContain('<tr><th scope="row">Lý do</th><td>Cần xác minh thêm &lt;script&gt;');
    expect(html).toContain('Ủy ban nhân dân xã Phù Cừ (000.24.11.H33) xin lỗi Ông/Bà');
  });
});
