import { CATALOGUE_FILE_FORMAT } from './catalogue-file.schema';

/**
 * A small, valid catalogue file for tests (as written in a file: snake_case, defaults left
 * out). Each call returns a fresh copy to mutate.
 */
export function smallCatalogueFile() {
  return {
    format: CATALOGUE_FILE_FORMAT,
    tenant: 'hung-yen',
    units: [
      { code: '33', name: 'Tỉnh Hưng Yên', level: 'province', valid_from: '1997-01-01' },
      { code: '12250', name: 'Xã Phù Cừ', level: 'commune', parent_code: '33', valid_from: '2025-07-01' },
    ],
    agencies: [
      { code: '000.00.17.H33', name: 'Sở Tư pháp tỉnh Hưng Yên', unit_code: '33' },
      { code: '000.00.12.H33', name: 'Sở Tài chính tỉnh Hưng Yên', unit_code: '33' },
      { code: '000.24.11.H33', name: 'Ủy ban nhân dân xã Phù Cừ', unit_code: '12250' },
    ],
    desks: [
      {
        code: 'H33-X12250-BPMC',
        name: 'Bộ phận một cửa xã Phù Cừ',
        agency_code: '000.24.11.H33',
        unit_codes: ['12250'],
        procedure_codes: ['1.001193'],
      },
      { code: 'H33-TTPVHCC-Q01', name: 'Quầy 01', agency_code: '000.00.17.H33', unit_codes: ['*'], procedure_codes: ['*'] },
    ],
    procedures: [
      {
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        level: 'commune',
        implementing_agency_code: '000.24.11.H33',
        competent_agency_code: '000.24.11.H33',
        legal_basis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
        cases: [
          { code: 'DUNG_HAN', name: 'Đăng ký đúng hạn' },
          { code: 'QUA_HAN', name: 'Đăng ký quá hạn' },
        ],
        components: [
          { code: 'TK', name: 'Tờ khai đăng ký khai sinh', kind: 'original', count: 1, mandatory: true, document_type: 'to_khai_khai_sinh' },
          { code: 'GCS', name: 'Giấy chứng sinh', kind: 'original', count: 1, mandatory: true, document_type: 'giay_chung_sinh' },
        ],
        processing_time: { unit: 'working_days', amount: 1 },
        fees: [
          {
            code: 'LP',
            name: 'Lệ phí đăng ký khai sinh',
            kind: 'charge',
            amount: 0,
            variants: [{ case_code: 'QUA_HAN', amount: 5000 }],
            exemptions: [{ case_code: 'DUNG_HAN', reason: 'Luật Hộ tịch, Điều 11' }],
          },
        ],
        result_documents: [{ code: 'GKS', name: 'Giấy khai sinh (bản chính)', document_type: 'giay_khai_sinh' }],
        online_level: 'full',
        location_independent: true,
        postal: { intake: true, return: true },
        internal_process: [
          { name: 'Tiếp nhận hồ sơ', role: 'desk_officer', agency_code: 'competent', share: 0.1 },
          { name: 'Thẩm định', role: 'specialist', agency_code: 'competent', share: 0.5 },
          { name: 'Ký', role: 'leader', agency_code: 'competent', share: 0.3 },
          { name: 'Trả kết quả', role: 'desk_officer', agency_code: 'competent', share: 0.1 },
        ],
        version: { effective_from: '2025-07-01', decision_number: '1234/QĐ-UBND', decision_date: '2025-06-25' },
      },
      {
        code: '2.001610',
        name: 'Đăng ký thành lập doanh nghiệp tư nhân',
        field: 'Thành lập và hoạt động doanh nghiệp',
        level: 'province',
        implementing_agency_code: '000.00.12.H33',
        competent_agency_code: '000.00.12.H33',
        legal_basis: [{ number: '59/2020/QH14', title: 'Luật Doanh nghiệp' }],
        components: [{ code: 'GDN', name: 'Giấy đề nghị đăng ký doanh nghiệp', kind: 'original', count: 1, mandatory: true }],
        processing_time: { unit: 'working_days', amount: 3 },
        fees: [{ code: 'LP', name: 'Lệ phí đăng ký doanh nghiệp', kind: 'charge', amount: 50000, online_discount: { percent: 100 } }],
        result_documents: [{ code: 'GCN', name: 'Giấy chứng nhận đăng ký doanh nghiệp' }],
        online_level: 'full',
        location_independent: true,
        postal: { intake: true, return: true },
        version: { effective_from: '2025-07-01', decision_number: '1235/QĐ-UBND', decision_date: '2025-06-25' },
      },
    ],
  };
}

export type SmallCatalogueFile = ReturnType<typeof smallCatalogueFile>;

function walk(target: unknown, path: string): { parent: Record<string, unknown> | unknown[]; key: string | number } {
  const segments = path.match(/[^.[\]]+/g) ?? [];
  let current: unknown = target;
  for (const segment of segments.slice(0, -1)) {
    current = (current as Record<string, unknown>)[segment];
    if (typeof current !== 'object' || current === null) throw new Error(`no object at ${segment} of ${path}`);
  }
  const last = segments[segments.length - 1];
  return { parent: current as Record<string, unknown>, key: /^\d+$/.test(last) ? Number(last) : last };
}

/** Sets a value at `procedures[0].components[1].count` (tests break files on purpose, whatever the types say). */
export function edit(target: object, path: string, value: unknown): void {
  const { parent, key } = walk(target, path);
  (parent as Record<string | number, unknown>)[key] = value;
}

/** Deletes the member at a path. */
export function remove(target: object, path: string): void {
  const { parent, key } = walk(target, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, unknown>)[key];
}

/** Appends to the list at a path. */
export function append(target: object, path: string, ...values: unknown[]): void {
  const { parent, key } = walk(target, path);
  const list = (parent as Record<string | number, unknown>)[key];
  if (!Array.isArray(list)) throw new Error(`no list at ${path}`);
  list.push(...values);
}
