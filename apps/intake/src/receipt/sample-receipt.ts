import { ReceiptData } from './receipt-data';

/** A receipt as tests and previews use it (invented person). */
export const sampleReceipt: ReceiptData = {
  dossierId: '0b7e7a52-6c1f-4d7a-9a53-3f2a4c1d9e01',
  dossierCode: '000.00.01.H33-261126-0001',
  agency: 'UBND xã Phụng Công (000.00.01.H33)',
  desk: 'Bộ phận Một cửa xã Phụng Công (H33-PC-01)',
  applicantName: 'Nguyễn Thị Ánh <script>alert("x")</script>',
  procedure: 'Đăng ký khai sinh (1.001193)',
  channel: 'desk',
  components: [
    { code: 'TK01', name: 'Tờ khai đăng ký khai sinh', note: '' },
    { code: 'GCS', name: 'Giấy chứng sinh', note: 'Số hóa tại Bộ phận Một cửa' },
  ],
  receivedAt: new Date('2026-11-26T02:05:00Z'),
  appointmentAt: new Date('2026-11-30T10:00:00Z'),
  officer: 'Trần Văn Bình',
};
