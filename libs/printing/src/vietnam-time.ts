export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "14 giờ 05 phút, ngày 26/11/2026" in Vietnam's time. */
export function formatVietnamTime(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')} giờ ${part('minute')} phút, ngày ${part('day')}/${part('month')}/${part('year')}`;
}

/** The heading every administrative document of Vietnam carries (Decree 30/2020 national title). */
export const NATIONAL_HEADING = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
} as const;
