import { renderReceiptHtml } from './receipt.html';
import { sampleReceipt } from './sample-receipt';

describe('renderReceiptHtml', () => {
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

  it('names the receiving agency and desk, with their codes', () => {
    const html = renderReceiptHtml(sampleReceipt);
    expect(html).toContain('<tr><th scope="row">Cơ quan tiếp nhận</th><td>UBND xã Phụng Công (000.00.01.H33)</td></tr>');
    expect(html).toContain('<tr><th scope="row">Nơi tiếp nhận</th><td>Bộ phận Một cửa xã Phụng Công (H33-PC-01)</td></tr>');
  });

  it('leaves the desk row out when the dossier is at no desk', () => {
    expect(renderReceiptHtml({ ...sampleReceipt, desk: null })).not.toContain('Nơi tiếp nhận');
  });

  it('says when there is no code or appointment yet', () => {
    const html = renderReceiptHtml({ ...sampleReceipt, dossierCode: null, appointmentAt: null, officer: null });
    expect(html).toContain('(chưa cấp)');
    expect(html).toContain('(chưa xác định)');
  });
});

