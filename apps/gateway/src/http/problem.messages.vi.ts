import type { ProblemTexts } from '@motcua/rpc';

/**
 * Vietnamese title and detail of the gateway's own problem codes (text a person reads).
 * Codes without an entry get the generic title of their HTTP status.
 */
export const GATEWAY_PROBLEM_TEXTS_VI: Readonly<Record<string, Required<ProblemTexts>>> = Object.freeze({
  ROUTE_NOT_FOUND: {
    title: 'Không tìm thấy địa chỉ',
    detail: 'Không có chức năng nào ở địa chỉ và phương thức này.',
  },
  BODY_MALFORMED: {
    title: 'Nội dung yêu cầu không đọc được',
    detail: 'Nội dung yêu cầu phải là JSON hợp lệ.',
  },
  BODY_TOO_LARGE: {
    title: 'Nội dung yêu cầu quá lớn',
    detail: 'Nội dung yêu cầu vượt quá dung lượng cho phép.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: 'Định dạng nội dung không được hỗ trợ',
    detail: 'Nội dung yêu cầu phải ở dạng JSON (Content-Type: application/json).',
  },
  URL_MALFORMED: {
    title: 'Địa chỉ yêu cầu không hợp lệ',
    detail: 'Không đọc được địa chỉ của yêu cầu.',
  },
  PRECONDITION_FAILED: {
    title: 'Dữ liệu đã thay đổi',
    detail: 'Dữ liệu đã được cập nhật kể từ lần đọc trước (If-Match không khớp); hãy đọc lại rồi thử lại.',
  },
  PRECONDITION_REQUIRED: {
    title: 'Thiếu điều kiện cập nhật',
    detail: 'Yêu cầu cập nhật phải kèm tiêu đề If-Match chứa ETag của lần đọc trước.',
  },
  DEPENDENCY_UNAVAILABLE: {
    title: 'Chức năng tạm thời gián đoạn',
    detail: 'Chức năng này tạm thời không khả dụng; các chức năng khác vẫn hoạt động. Vui lòng thử lại sau.',
  },
  REQUEST_INVALID: {
    title: 'Yêu cầu không hợp lệ',
    detail: 'Một số trường dữ liệu không hợp lệ; xem danh sách lỗi.',
  },
  TENANT_REQUIRED: {
    title: 'Chưa xác định tỉnh, thành phố',
    detail: 'Hãy nêu tỉnh, thành phố bằng tiêu đề X-Tenant-Id hoặc gửi yêu cầu tới tên miền của tỉnh.',
  },
  TENANT_UNKNOWN: {
    title: 'Không tìm thấy tỉnh, thành phố',
    detail: 'Tỉnh, thành phố này chưa có trên hệ thống.',
  },
  TENANT_MISMATCH: {
    title: 'Tỉnh, thành phố không thống nhất',
    detail: 'Yêu cầu nêu nhiều tỉnh, thành phố khác nhau.',
  },
});

/** Generic Vietnamese titles by HTTP status, for codes without their own texts. */
export const HTTP_TITLES_VI: Readonly<Record<number, string>> = Object.freeze({
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền thực hiện',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột với trạng thái hiện tại',
  412: 'Điều kiện của yêu cầu không được đáp ứng',
  413: 'Nội dung yêu cầu quá lớn',
  415: 'Định dạng nội dung không được hỗ trợ',
  422: 'Yêu cầu không đáp ứng quy định',
  428: 'Yêu cầu thiếu điều kiện',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  500: 'Đã xảy ra lỗi hệ thống',
  501: 'Chức năng chưa được hỗ trợ',
  503: 'Dịch vụ tạm thời không khả dụng, vui lòng thử lại sau',
  504: 'Hệ thống phản hồi quá thời gian, vui lòng thử lại sau',
});

/** The title of a status: its own, else that of its class (4xx: 400, 5xx: 500). */
export function httpTitleVi(status: number): string {
  return HTTP_TITLES_VI[status] ?? HTTP_TITLES_VI[status >= 500 ? 500 : 400];
}
