import { NATIONAL_HEADING } from '@motcua/printing';

/** What the receipt and appointment slip shows: one dossier at its receipt. */
export interface ReceiptData {
  readonly dossierId: string;
  /** The dossier code; null until the dossier has been received and numbered. */
  readonly dossierCode: string | null;
  /** The receiving agency as a person reads it: "Name (code)", or its identifier code when the catalogue has no name. */
  readonly agency: string;
  /** The receiving desk the same way; null when the dossier is at no desk. */
  readonly desk: string | null;
  readonly applicantName: string;
  readonly procedure: string;
  readonly channel: string;
  readonly components: readonly ReceiptComponent[];
  readonly receivedAt: Date;
  /** Null when no appointment is set yet. */
  readonly appointmentAt: Date | null;
  /** The officer who received it (name or subject); null when unknown. */
  readonly officer: string | null;
}

export interface ReceiptComponent {
  readonly code: string;
  readonly name: string;
  /** How it was supplied: a file, a wallet document, digitized at the desk. */
  readonly note: string;
}

const CHANNELS: Record<string, string> = {
  online: 'Trực tuyến',
  desk: 'Trực tiếp tại Bộ phận Một cửa',
  postal: 'Qua dịch vụ bưu chính công ích',
};

export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? channel;
}

/** The labels of the slip, in the order printed. */
export const RECEIPT_TEXT = {
  nation: NATIONAL_HEADING.nation,
  motto: NATIONAL_HEADING.motto,
  form: 'Mẫu số 01',
  title: 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  code: 'Mã hồ sơ',
  noCode: '(chưa cấp)',
  agency: 'Cơ quan tiếp nhận',
  desk: 'Nơi tiếp nhận',
  applicant: 'Người nộp hồ sơ',
  procedure: 'Thủ tục hành chính',
  channel: 'Hình thức nộp',
  components: 'Thành phần hồ sơ đã nhận',
  receivedAt: 'Thời gian tiếp nhận',
  appointmentAt: 'Thời gian hẹn trả kết quả',
  noAppointment: '(chưa xác định)',
  officer: 'Người tiếp nhận',
  unknown: '(không rõ)',
} as const;
