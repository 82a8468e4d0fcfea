import { ApologySlip } from './apology-slip';

/** An apology slip as tests and previews use it (markup in the reason must print as text). */
export const sampleApologySlip: ApologySlip = {
  dossierId: '7f1c1f4e-9a43-4c5e-8d5b-0a1b2c3d4e5f',
  dossierCode: '000.24.11.H33-260213-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agency: 'Ủy ban nhân dân xã Phù Cừ (000.24.11.H33)',
  receivedAt: new Date('2026-02-13T03:00:00Z'),
  previousAppointmentAt: new Date('2026-02-25T10:00:00Z'),
  reason: 'Cần xác minh thêm <script>alert("x")</script> & đối chiếu hồ sơ gốc',
  newAppointmentAt: new Date('2026-03-03T10:00:00Z'),
  issuedAt: new Date('2026-02-25T01:00:00Z'),
  issuedBy: 'hy-7e2b9c5a-lead-0008',
};
