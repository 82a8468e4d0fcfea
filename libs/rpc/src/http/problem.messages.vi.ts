/** Generic problem titles by HTTP status, in Vietnamese (text a person reads). */
export const PROBLEM_TITLES_VI: Readonly<Record<number, string>> = Object.freeze({
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền thực hiện',
  404: 'Không tìm thấy',
  409: 'Xung đột với trạng thái hiện tại',
  422: 'Yêu cầu không đáp ứng quy định',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  500: 'Đã xảy ra lỗi hệ thống',
  501: 'Chức năng chưa được hỗ trợ',
  503: 'Dịch vụ tạm thời không khả dụng, vui lòng thử lại sau',
  504: 'Hệ thống phản hồi quá thời gian, vui lòng thử lại sau',
});
