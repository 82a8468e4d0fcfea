import { CATALOGUE_FILE_FORMAT, CatalogueFileInput } from '../../../apps/catalogue/src/import/domain/catalogue-file.schema';
import { ON_THE_SPOT_LIMITS } from '../../../apps/catalogue/src/procedure/domain/procedure';

/**
 * A synthetic, province-sized catalogue for load tests (tools/seed/catalogue/generate.ts).
 * Deterministic from a seed; shaped like Hưng Yên before the 2025 reorganisation (DOMAIN.md:
 * 1,697 procedures: 1,265 province, 271 district, 161 commune; 101 inter-agency; 378/72/15
 * approved internal processes), with units and agencies to match: the province, ten legacy
 * districts (valid until 30 June 2025) and 104 communes. Names are built from real fields,
 * verbs and objects, so text search behaves as on real data; codes and decision numbers are
 * invented and must never be mistaken for real ones (the file's notes say so). The demo
 * agencies and desks of tools/oidc-dev/users.json are included so the demo users can work
 * against a generated tenant.
 */
export interface GenerateOptions {
  /** Number of procedures (default 1,700). */
  procedures?: number;
  /** Any integer or text; the same seed gives the same file. */
  seed?: number | string;
  tenant?: string;
}

type Input = CatalogueFileInput;
type ProcedureInput = NonNullable<Input['procedures']>[number];
type StepInput = NonNullable<ProcedureInput['internal_process']>[number];
type FeeInput = NonNullable<ProcedureInput['fees']>[number];
type Level = 'province' | 'district' | 'commune';

/** DOMAIN.md's Hưng Yên figures. */
const SHARES = { province: 1265, district: 271, commune: 161, total: 1697, interAgency: 101 };
const APPROVED_PROCESS = { province: 378 / 1265, district: 72 / 271, commune: 15 / 161 };

// ----------------------------------------------------------------------------------- randomness

/** xmur3 string hash → 32-bit seed. */
function hashSeed(seed: number | string): number {
  const text = String(seed);
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
class Random {
  private state: number;

  constructor(seed: number | string) {
    this.state = hashSeed(seed);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ----------------------------------------------------------------------------------- vocabulary

/** Verbs and the objects they go with: every verb of a group makes sense with every object of it. */
type NameGroup = readonly [verbs: readonly string[], objects: readonly string[]];

interface FieldSpec {
  field: string;
  /** Department key for province-level procedures (see DEPARTMENTS). */
  department: string;
  levels: readonly Level[];
  names: readonly NameGroup[];
  /** Appended to names for variety; none is specific to a level. */
  qualifiers: readonly string[];
  documents: readonly string[];
  law: readonly (readonly [string, string])[];
}

const DEPARTMENTS: Readonly<Record<string, readonly [string, string]>> = {
  office: ['000.00.01.H33', 'Văn phòng Ủy ban nhân dân tỉnh Hưng Yên'],
  home: ['000.00.02.H33', 'Sở Nội vụ tỉnh Hưng Yên'],
  construction: ['000.00.05.H33', 'Sở Xây dựng tỉnh Hưng Yên'],
  industry: ['000.00.06.H33', 'Sở Công Thương tỉnh Hưng Yên'],
  education: ['000.00.08.H33', 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên'],
  health: ['000.00.09.H33', 'Sở Y tế tỉnh Hưng Yên'],
  culture: ['000.00.10.H33', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hưng Yên'],
  science: ['000.00.11.H33', 'Sở Khoa học và Công nghệ tỉnh Hưng Yên'],
  finance: ['000.00.12.H33', 'Sở Tài chính tỉnh Hưng Yên'],
  ethnic: ['000.00.14.H33', 'Sở Dân tộc và Tôn giáo tỉnh Hưng Yên'],
  inspection: ['000.00.15.H33', 'Thanh tra tỉnh Hưng Yên'],
  justice: ['000.00.17.H33', 'Sở Tư pháp tỉnh Hưng Yên'],
  agriculture: ['000.00.19.H33', 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên'],
  industrialZones: ['000.00.20.H33', 'Ban Quản lý các khu công nghiệp tỉnh Hưng Yên'],
};
const PROVINCE_COMMITTEE: readonly [string, string] = ['000.00.00.H33', 'Ủy ban nhân dân tỉnh Hưng Yên'];

const PERMIT_VERBS = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Điều chỉnh', 'Gia hạn'];
const LICENCE_VERBS = ['Cấp', 'Cấp lại', 'Cấp sửa đổi, bổ sung'];

const FIELDS: readonly FieldSpec[] = [
  {
    field: 'Hộ tịch',
    department: 'justice',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Đăng ký', 'Đăng ký lại'], ['khai sinh', 'kết hôn', 'khai tử']],
      [['Đăng ký'], ['nhận cha, mẹ, con', 'giám hộ', 'chấm dứt giám hộ', 'khai sinh kết hợp nhận cha, mẹ, con', 'thay đổi, cải chính, bổ sung thông tin hộ tịch']],
      [['Ghi vào Sổ hộ tịch việc'], ['kết hôn đã giải quyết tại cơ quan có thẩm quyền của nước ngoài', 'ly hôn đã giải quyết tại cơ quan có thẩm quyền của nước ngoài', 'hộ tịch khác của công dân Việt Nam đã giải quyết ở nước ngoài']],
      [['Cấp'], ['Giấy xác nhận tình trạng hôn nhân', 'bản sao trích lục hộ tịch']],
    ],
    qualifiers: ['', '', ' có yếu tố nước ngoài', ' lưu động', ' tại khu vực biên giới', ' cho người đã có hồ sơ, giấy tờ cá nhân'],
    documents: ['Tờ khai theo mẫu', 'Giấy chứng sinh hoặc giấy tờ thay thế', 'Giấy tờ chứng minh nơi cư trú', 'Trích lục hộ tịch đã cấp'],
    law: [
      ['60/2014/QH13', 'Luật Hộ tịch'],
      ['123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch'],
    ],
  },
  {
    field: 'Chứng thực',
    department: 'justice',
    levels: ['district', 'commune'],
    names: [
      [
        ['Chứng thực'],
        [
          'bản sao từ bản chính giấy tờ, văn bản',
          'chữ ký trong giấy tờ, văn bản',
          'chữ ký người dịch',
          'hợp đồng, giao dịch liên quan đến tài sản là động sản',
          'di chúc',
          'văn bản thỏa thuận phân chia di sản',
          'văn bản khai nhận di sản',
          'văn bản từ chối nhận di sản',
          'việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
        ],
      ],
      [['Cấp bản sao có chứng thực từ bản chính', 'Sửa lỗi sai sót trong'], ['hợp đồng, giao dịch đã được chứng thực']],
    ],
    qualifiers: ['', '', ' do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp', ' liên quan đến quyền sử dụng đất, nhà ở'],
    documents: ['Bản chính giấy tờ, văn bản', 'Dự thảo hợp đồng, giao dịch', 'Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản'],
    law: [['23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch']],
  },
  {
    field: 'Nuôi con nuôi',
    department: 'justice',
    levels: ['province', 'commune'],
    names: [
      [['Đăng ký', 'Giải quyết'], ['việc nuôi con nuôi trong nước', 'việc nuôi con nuôi có yếu tố nước ngoài', 'việc người nước ngoài thường trú ở Việt Nam nhận con nuôi']],
      [['Ghi vào Sổ đăng ký nuôi con nuôi'], ['việc nuôi con nuôi đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài']],
    ],
    qualifiers: ['', ' đối với trẻ em có hoàn cảnh đặc biệt', ' tại khu vực biên giới'],
    documents: ['Đơn xin nhận con nuôi', 'Phiếu lý lịch tư pháp', 'Văn bản xác nhận tình trạng sức khỏe', 'Văn bản xác nhận hoàn cảnh gia đình'],
    law: [['52/2010/QH12', 'Luật Nuôi con nuôi']],
  },
  {
    field: 'Công chứng',
    department: 'justice',
    levels: ['province'],
    names: [
      [['Đăng ký hoạt động', 'Thay đổi nội dung đăng ký hoạt động', 'Chấm dứt hoạt động'], ['Văn phòng công chứng', 'Văn phòng công chứng được chuyển đổi từ Phòng công chứng']],
      [['Cấp', 'Cấp lại', 'Thu hồi'], ['thẻ công chứng viên', 'Giấy đăng ký hoạt động của Văn phòng công chứng']],
      [['Đăng ký'], ['hành nghề công chứng', 'tập sự hành nghề công chứng']],
    ],
    qualifiers: ['', ' do bị mất, hỏng', ' sau khi hợp nhất, sáp nhập'],
    documents: ['Đơn đề nghị theo mẫu', 'Quyết định bổ nhiệm công chứng viên', 'Giấy tờ chứng minh về trụ sở'],
    law: [['46/2024/QH15', 'Luật Công chứng']],
  },
  {
    field: 'Luật sư',
    department: 'justice',
    levels: ['province'],
    names: [
      [['Đăng ký hoạt động', 'Thay đổi nội dung đăng ký hoạt động'], ['của tổ chức hành nghề luật sư', 'của chi nhánh của tổ chức hành nghề luật sư', 'của chi nhánh, công ty luật nước ngoài']],
      [['Đăng ký'], ['hành nghề luật sư với tư cách cá nhân']],
      [['Cấp lại'], ['Giấy đăng ký hoạt động của tổ chức hành nghề luật sư']],
    ],
    qualifiers: ['', ' do bị mất, hỏng', ' khi hợp nhất, sáp nhập'],
    documents: ['Tờ khai đề nghị đăng ký hoạt động', 'Điều lệ công ty luật', 'Giấy tờ chứng minh về trụ sở'],
    law: [['65/2006/QH11', 'Luật Luật sư']],
  },
  {
    field: 'Thành lập và hoạt động doanh nghiệp',
    department: 'finance',
    levels: ['province'],
    names: [
      [
        ['Đăng ký thành lập', 'Đăng ký thay đổi người đại diện theo pháp luật của', 'Đăng ký thay đổi vốn điều lệ của', 'Giải thể', 'Tạm ngừng kinh doanh của'],
        ['doanh nghiệp tư nhân', 'công ty trách nhiệm hữu hạn một thành viên', 'công ty trách nhiệm hữu hạn hai thành viên trở lên', 'công ty cổ phần', 'công ty hợp danh'],
      ],
      [['Đăng ký hoạt động', 'Chấm dứt hoạt động', 'Thông báo thay đổi nội dung đăng ký hoạt động của'], ['chi nhánh', 'văn phòng đại diện', 'địa điểm kinh doanh']],
      [['Cấp lại'], ['Giấy chứng nhận đăng ký doanh nghiệp', 'Giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện']],
    ],
    qualifiers: ['', '', ' (trường hợp chuyển đổi loại hình)', ' do bị mất, cháy, rách, nát'],
    documents: ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Danh sách thành viên, cổ đông sáng lập', 'Bản sao giấy tờ pháp lý của cá nhân'],
    law: [['59/2020/QH14', 'Luật Doanh nghiệp']],
  },
  {
    field: 'Đầu tư tại Việt Nam',
    department: 'finance',
    levels: ['province'],
    names: [
      [['Chấp thuận chủ trương đầu tư', 'Điều chỉnh', 'Gia hạn thời hạn hoạt động của', 'Chấm dứt hoạt động của', 'Chuyển nhượng'], ['dự án đầu tư', 'dự án đầu tư theo phương thức đối tác công tư']],
      [['Cấp', 'Điều chỉnh', 'Cấp lại', 'Hiệu đính thông tin trên'], ['Giấy chứng nhận đăng ký đầu tư']],
    ],
    qualifiers: ['', ' của nhà đầu tư nước ngoài', ' thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh', ' trong khu công nghiệp'],
    documents: ['Văn bản đề nghị thực hiện dự án đầu tư', 'Đề xuất dự án đầu tư', 'Báo cáo năng lực tài chính của nhà đầu tư'],
    law: [['61/2020/QH14', 'Luật Đầu tư']],
  },
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    department: 'finance',
    levels: ['district', 'commune'],
    names: [
      [['Đăng ký thành lập', 'Đăng ký thay đổi nội dung đăng ký', 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của', 'Chấm dứt hoạt động'], ['hộ kinh doanh']],
      [['Cấp lại'], ['Giấy chứng nhận đăng ký hộ kinh doanh']],
    ],
    qualifiers: ['', '', ' khi chuyển địa điểm kinh doanh', ' do các thành viên hộ gia đình đăng ký'],
    documents: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Biên bản họp thành viên hộ gia đình', 'Văn bản ủy quyền'],
    law: [['168/2025/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp']],
  },
  {
    field: 'Đất đai',
    department: 'agriculture',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Cấp', 'Cấp đổi', 'Cấp lại', 'Đính chính', 'Thu hồi'], ['Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất']],
      [['Đăng ký', 'Xóa đăng ký', 'Đăng ký thay đổi nội dung'], ['thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'quyền sử dụng hạn chế thửa đất liền kề']],
      [['Đăng ký'], ['biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'đất đai, tài sản gắn liền với đất lần đầu']],
      [['Giao đất, cho thuê đất', 'Cho phép chuyển mục đích sử dụng đất', 'Gia hạn sử dụng đất'], ['không thông qua đấu giá quyền sử dụng đất', 'đối với đất nông nghiệp']],
      [['Tách thửa, hợp thửa', 'Hòa giải tranh chấp'], ['đất đai']],
    ],
    qualifiers: ['', '', ' cho hộ gia đình, cá nhân', ' cho tổ chức', ' đối với người gốc Việt Nam định cư ở nước ngoài'],
    documents: ['Đơn đăng ký đất đai, tài sản gắn liền với đất', 'Giấy chứng nhận đã cấp', 'Hợp đồng, văn bản về việc chuyển quyền', 'Mảnh trích đo bản đồ địa chính'],
    law: [
      ['31/2024/QH15', 'Luật Đất đai'],
      ['101/2024/NĐ-CP', 'Nghị định quy định về đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất'],
    ],
  },
  {
    field: 'Môi trường',
    department: 'agriculture',
    levels: ['province', 'district'],
    names: [
      [['Cấp', 'Cấp đổi', 'Điều chỉnh', 'Cấp lại'], ['giấy phép môi trường']],
      [['Thẩm định', 'Phê duyệt kết quả thẩm định'], ['báo cáo đánh giá tác động môi trường', 'phương án cải tạo, phục hồi môi trường']],
      [['Đăng ký'], ['môi trường']],
    ],
    qualifiers: ['', ' đối với dự án đầu tư nhóm II', ' đối với cơ sở đang hoạt động', ' trong khu công nghiệp'],
    documents: ['Văn bản đề nghị', 'Báo cáo đề xuất cấp giấy phép môi trường', 'Báo cáo đánh giá tác động môi trường'],
    law: [['72/2020/QH14', 'Luật Bảo vệ môi trường']],
  },
  {
    field: 'Tài nguyên nước',
    department: 'agriculture',
    levels: ['province'],
    names: [[PERMIT_VERBS, ['giấy phép khai thác nước mặt', 'giấy phép khai thác nước dưới đất', 'giấy phép thăm dò nước dưới đất', 'giấy phép xả nước thải vào nguồn nước']]],
    qualifiers: ['', ' với lưu lượng dưới 3.000 m³/ngày đêm', ' cho sản xuất nông nghiệp'],
    documents: ['Đơn đề nghị cấp giấy phép', 'Báo cáo kết quả thăm dò', 'Kết quả phân tích chất lượng nguồn nước'],
    law: [['28/2023/QH15', 'Luật Tài nguyên nước']],
  },
  {
    field: 'Trồng trọt và bảo vệ thực vật',
    department: 'agriculture',
    levels: ['province', 'district'],
    names: [
      [LICENCE_VERBS, ['giấy chứng nhận đủ điều kiện buôn bán phân bón', 'giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật']],
      [['Công nhận'], ['cây đầu dòng', 'vườn cây đầu dòng', 'lưu hành đặc cách giống cây trồng']],
    ],
    qualifiers: ['', ' do bị mất, hỏng', ' khi thay đổi thông tin'],
    documents: ['Đơn đề nghị theo mẫu', 'Bản thuyết minh điều kiện buôn bán', 'Giấy chứng nhận bồi dưỡng chuyên môn'],
    law: [['31/2018/QH14', 'Luật Trồng trọt']],
  },
  {
    field: 'Chăn nuôi và thú y',
    department: 'agriculture',
    levels: ['province', 'district'],
    names: [
      [LICENCE_VERBS, ['giấy chứng nhận đủ điều kiện chăn nuôi', 'chứng chỉ hành nghề thú y', 'giấy chứng nhận cơ sở an toàn dịch bệnh động vật']],
      [['Kiểm dịch'], ['động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn tỉnh']],
    ],
    qualifiers: ['', ' đối với chăn nuôi trang trại quy mô lớn', ' do bị mất, hỏng'],
    documents: ['Đơn đăng ký', 'Bản thuyết minh điều kiện chăn nuôi', 'Kết quả xét nghiệm'],
    law: [
      ['32/2018/QH14', 'Luật Chăn nuôi'],
      ['79/2015/QH13', 'Luật Thú y'],
    ],
  },
  {
    field: 'Thủy sản',
    department: 'agriculture',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp lại'], ['giấy chứng nhận đăng ký tàu cá', 'giấy phép khai thác thủy sản', 'giấy chứng nhận cơ sở đủ điều kiện nuôi trồng thủy sản']],
      [['Xóa đăng ký'], ['tàu cá']],
    ],
    qualifiers: ['', ' đối với tàu cá đóng mới', ' do bị mất'],
    documents: ['Tờ khai đăng ký', 'Giấy tờ chứng minh nguồn gốc tàu', 'Ảnh màu tàu cá'],
    law: [['18/2017/QH14', 'Luật Thủy sản']],
  },
  {
    field: 'Lâm nghiệp',
    department: 'agriculture',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Phê duyệt'], ['phương án quản lý rừng bền vững', 'phương án khai thác thực vật rừng thông thường']],
      [['Xác nhận'], ['bảng kê lâm sản', 'nguồn gốc lâm sản hợp pháp']],
      [['Quyết định chủ trương'], ['chuyển mục đích sử dụng rừng sang mục đích khác']],
    ],
    qualifiers: ['', ' của chủ rừng là tổ chức', ' của chủ rừng là hộ gia đình, cá nhân'],
    documents: ['Văn bản đề nghị', 'Phương án quản lý rừng', 'Bảng kê lâm sản'],
    law: [['16/2017/QH14', 'Luật Lâm nghiệp']],
  },
  {
    field: 'Hoạt động xây dựng',
    department: 'construction',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Cấp', 'Cấp điều chỉnh', 'Gia hạn', 'Cấp lại'], ['giấy phép xây dựng', 'giấy phép xây dựng có thời hạn', 'giấy phép di dời công trình']],
      [['Cấp', 'Cấp lại', 'Điều chỉnh, bổ sung nội dung'], ['chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', 'chứng chỉ năng lực hoạt động xây dựng']],
      [['Thẩm định'], ['báo cáo nghiên cứu khả thi đầu tư xây dựng', 'thiết kế xây dựng triển khai sau thiết kế cơ sở', 'báo cáo kinh tế - kỹ thuật đầu tư xây dựng']],
    ],
    qualifiers: ['', ' đối với công trình cấp I, cấp II', ' đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', ' đối với công trình tôn giáo, tín ngưỡng', ' theo giai đoạn'],
    documents: ['Đơn đề nghị cấp giấy phép xây dựng', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', 'Bản vẽ thiết kế xây dựng', 'Báo cáo kết quả thẩm định thiết kế'],
    law: [
      ['50/2014/QH13', 'Luật Xây dựng'],
      ['175/2024/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng'],
    ],
  },
  {
    field: 'Nhà ở',
    department: 'construction',
    levels: ['province', 'district'],
    names: [
      [['Chấp thuận chủ trương đầu tư', 'Điều chỉnh chủ trương đầu tư'], ['dự án đầu tư xây dựng nhà ở', 'dự án nhà ở xã hội']],
      [['Xác nhận'], ['đối tượng, điều kiện được mua, thuê mua nhà ở xã hội']],
      [['Thẩm định'], ['giá bán, giá thuê mua nhà ở xã hội']],
      [['Giải quyết'], ['bán nhà ở cũ thuộc tài sản công']],
    ],
    qualifiers: ['', ' do Nhà nước đầu tư', ' không sử dụng vốn đầu tư công'],
    documents: ['Văn bản đề nghị', 'Hồ sơ dự án', 'Giấy tờ chứng minh đối tượng, điều kiện'],
    law: [['27/2023/QH15', 'Luật Nhà ở']],
  },
  {
    field: 'Kinh doanh bất động sản',
    department: 'construction',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp lại', 'Gia hạn'], ['chứng chỉ hành nghề môi giới bất động sản']],
      [['Chấp thuận'], ['việc chuyển nhượng toàn bộ hoặc một phần dự án bất động sản']],
    ],
    qualifiers: ['', ' do bị mất, hỏng', ' do Ủy ban nhân dân tỉnh quyết định chủ trương đầu tư'],
    documents: ['Đơn đề nghị', 'Hồ sơ dự án', 'Hợp đồng chuyển nhượng'],
    law: [['29/2023/QH15', 'Luật Kinh doanh bất động sản']],
  },
  {
    field: 'Đường bộ',
    department: 'construction',
    levels: ['province', 'district'],
    names: [
      [['Cấp', 'Cấp lại', 'Cấp đổi'], ['giấy phép kinh doanh vận tải bằng xe ô tô', 'phù hiệu xe ô tô kinh doanh vận tải', 'giấy phép liên vận']],
      [['Cấp', 'Gia hạn'], ['giấy phép thi công công trình trên đường bộ đang khai thác', 'giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn']],
      [['Chấp thuận'], ['thiết kế kỹ thuật và phương án tổ chức giao thông của nút giao đấu nối vào đường tỉnh']],
    ],
    qualifiers: ['', '', ' do bị mất, hỏng', ' thuộc đường tỉnh'],
    documents: ['Giấy đề nghị', 'Bản sao giấy đăng ký xe', 'Phương án kinh doanh'],
    law: [['35/2024/QH15', 'Luật Đường bộ']],
  },
  {
    field: 'Đường thủy nội địa',
    department: 'construction',
    levels: ['province', 'district'],
    names: [
      [['Đăng ký', 'Đăng ký lại', 'Xóa đăng ký'], ['phương tiện thủy nội địa']],
      [['Cấp', 'Cấp lại'], ['giấy phép hoạt động bến thủy nội địa']],
      [['Công bố'], ['cảng thủy nội địa', 'luồng chuyên dùng']],
    ],
    qualifiers: ['', ' lần đầu', ' khi chuyển quyền sở hữu'],
    documents: ['Tờ khai đăng ký phương tiện', 'Giấy tờ chứng minh quyền sở hữu', 'Biên lai nộp lệ phí trước bạ'],
    law: [['23/2004/QH11', 'Luật Giao thông đường thủy nội địa']],
  },
  {
    field: 'Lao động',
    department: 'home',
    levels: ['province', 'district'],
    names: [
      [['Cấp', 'Cấp lại', 'Gia hạn', 'Thu hồi'], ['giấy phép lao động cho người lao động nước ngoài', 'giấy phép hoạt động cho thuê lại lao động']],
      [['Xác nhận'], ['người lao động nước ngoài không thuộc diện cấp giấy phép lao động']],
      [['Đăng ký'], ['nội quy lao động của doanh nghiệp', 'thang lương, bảng lương']],
    ],
    qualifiers: ['', ' làm việc tại Việt Nam', ' tại khu công nghiệp'],
    documents: ['Văn bản đề nghị', 'Giấy chứng nhận sức khỏe', 'Phiếu lý lịch tư pháp', 'Văn bản chứng minh là nhà quản lý, chuyên gia'],
    law: [['45/2019/QH14', 'Bộ luật Lao động']],
  },
  {
    field: 'Việc làm',
    department: 'home',
    levels: ['province'],
    names: [[['Giải quyết', 'Tạm dừng', 'Tiếp tục', 'Chấm dứt', 'Chuyển nơi'], ['hưởng trợ cấp thất nghiệp']], [['Hỗ trợ'], ['học nghề', 'đào tạo, bồi dưỡng, nâng cao trình độ kỹ năng nghề']]],
    qualifiers: ['', ' cho người lao động', ' đối với người lao động bị mất việc làm'],
    documents: ['Đề nghị hưởng trợ cấp thất nghiệp', 'Quyết định thôi việc', 'Sổ bảo hiểm xã hội'],
    law: [['38/2013/QH13', 'Luật Việc làm']],
  },
  {
    field: 'Người có công',
    department: 'home',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Giải quyết chế độ', 'Giải quyết trợ cấp'], ['ưu đãi đối với thân nhân liệt sĩ', 'ưu đãi đối với người hoạt động kháng chiến', 'thờ cúng liệt sĩ', 'mai táng phí đối với cựu chiến binh']],
      [['Cấp', 'Cấp lại', 'Cấp trích lục'], ['Bằng Tổ quốc ghi công', 'Giấy chứng nhận gia đình liệt sĩ']],
      [['Di chuyển'], ['hồ sơ người có công với cách mạng']],
    ],
    qualifiers: ['', ' bị nhiễm chất độc hóa học', ' đang hưởng trợ cấp hằng tháng', ' khi người có công từ trần'],
    documents: ['Bản khai cá nhân', 'Giấy tờ chứng minh', 'Biên bản giám định'],
    law: [['02/2020/UBTVQH14', 'Pháp lệnh Ưu đãi người có công với cách mạng']],
  },
  {
    field: 'Bảo trợ xã hội',
    department: 'home',
    levels: ['district', 'commune'],
    names: [
      [['Thực hiện', 'Điều chỉnh', 'Thôi hưởng'], ['trợ cấp xã hội hằng tháng', 'trợ cấp hưu trí xã hội', 'kinh phí chăm sóc, nuôi dưỡng hằng tháng']],
      [['Hỗ trợ'], ['chi phí mai táng cho đối tượng bảo trợ xã hội']],
      [['Xác định', 'Xác định lại', 'Đổi, cấp lại giấy xác nhận'], ['mức độ khuyết tật']],
    ],
    qualifiers: ['', ' khi đối tượng thay đổi nơi cư trú', ' đối với người cao tuổi', ' đối với trẻ em'],
    documents: ['Tờ khai đề nghị trợ giúp xã hội', 'Giấy xác nhận khuyết tật', 'Giấy chứng tử'],
    law: [['20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội']],
  },
  {
    field: 'Giáo dục và Đào tạo',
    department: 'education',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Cho phép thành lập', 'Cho phép hoạt động giáo dục', 'Sáp nhập, chia, tách', 'Giải thể', 'Công nhận đạt chuẩn quốc gia'], ['trường trung học phổ thông', 'trường trung học cơ sở', 'trường tiểu học', 'trường mầm non']],
      [['Cấp phép', 'Cho phép hoạt động'], ['trung tâm ngoại ngữ, tin học', 'nhóm trẻ, lớp mẫu giáo độc lập']],
      [['Cấp bản sao', 'Chỉnh sửa nội dung'], ['văn bằng, chứng chỉ từ sổ gốc']],
      [['Chuyển trường'], ['đối với học sinh trung học cơ sở', 'đối với học sinh trung học phổ thông']],
    ],
    qualifiers: ['', ' tư thục', ' công lập', ' có vốn đầu tư nước ngoài'],
    documents: ['Tờ trình đề nghị', 'Đề án thành lập', 'Danh sách cán bộ quản lý, giáo viên', 'Giấy tờ chứng minh cơ sở vật chất'],
    law: [['43/2019/QH14', 'Luật Giáo dục']],
  },
  {
    field: 'Khám bệnh, chữa bệnh',
    department: 'health',
    levels: ['province'],
    names: [
      [['Cấp mới', 'Cấp lại', 'Điều chỉnh'], ['giấy phép hoạt động đối với phòng khám đa khoa', 'giấy phép hoạt động đối với phòng khám chuyên khoa', 'giấy phép hoạt động đối với cơ sở dịch vụ y tế']],
      [['Cấp mới', 'Cấp lại', 'Gia hạn', 'Điều chỉnh'], ['giấy phép hành nghề khám bệnh, chữa bệnh']],
    ],
    qualifiers: ['', ' khi thay đổi quy mô', ' do bị mất, hư hỏng', ' thuộc thẩm quyền của Sở Y tế'],
    documents: ['Đơn đề nghị cấp giấy phép', 'Danh sách người hành nghề', 'Bản kê khai cơ sở vật chất, thiết bị y tế'],
    law: [['15/2023/QH15', 'Luật Khám bệnh, chữa bệnh']],
  },
  {
    field: 'Dược phẩm',
    department: 'health',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp lại', 'Điều chỉnh nội dung'], ['chứng chỉ hành nghề dược', 'giấy chứng nhận đủ điều kiện kinh doanh dược']],
      [['Cấp'], ['giấy xác nhận nội dung quảng cáo thuốc']],
    ],
    qualifiers: ['', ' đối với cơ sở bán lẻ thuốc', ' theo hình thức xét hồ sơ', ' do bị mất, hư hỏng'],
    documents: ['Đơn đề nghị', 'Văn bằng chuyên môn', 'Giấy xác nhận thời gian thực hành chuyên môn'],
    law: [['105/2016/QH13', 'Luật Dược']],
  },
  {
    field: 'An toàn thực phẩm',
    department: 'health',
    levels: ['province', 'district'],
    names: [
      [['Cấp', 'Cấp lại'], ['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'giấy xác nhận nội dung quảng cáo thực phẩm']],
      [['Đăng ký'], ['bản công bố sản phẩm']],
    ],
    qualifiers: ['', ' đối với cơ sở kinh doanh dịch vụ ăn uống', ' đối với cơ sở sản xuất thực phẩm bảo vệ sức khỏe'],
    documents: ['Đơn đề nghị', 'Bản thuyết minh về cơ sở vật chất', 'Giấy xác nhận đủ sức khỏe của chủ cơ sở'],
    law: [['55/2010/QH12', 'Luật An toàn thực phẩm']],
  },
  {
    field: 'Văn hóa',
    department: 'culture',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Cấp', 'Cấp lại', 'Điều chỉnh'], ['giấy phép kinh doanh dịch vụ karaoke', 'giấy phép kinh doanh dịch vụ vũ trường']],
      [['Chấp thuận', 'Tiếp nhận thông báo'], ['tổ chức biểu diễn nghệ thuật', 'tổ chức lễ hội', 'tổ chức triển lãm']],
      [['Cấp'], ['giấy phép thăm dò, khai quật khảo cổ', 'giấy phép làm bản sao di vật, cổ vật']],
    ],
    qualifiers: ['', '', ' có yếu tố nước ngoài', ' do bị mất, hỏng'],
    documents: ['Đơn đề nghị cấp giấy phép', 'Kịch bản, chương trình', 'Giấy tờ chứng minh địa điểm'],
    law: [['28/2001/QH10', 'Luật Di sản văn hóa']],
  },
  {
    field: 'Du lịch',
    department: 'culture',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp đổi', 'Cấp lại'], ['giấy phép kinh doanh dịch vụ lữ hành nội địa', 'thẻ hướng dẫn viên du lịch']],
      [['Công nhận'], ['hạng cơ sở lưu trú du lịch', 'điểm du lịch', 'cơ sở kinh doanh dịch vụ du lịch đạt tiêu chuẩn phục vụ khách du lịch']],
    ],
    qualifiers: ['', ' quốc tế', ' tại điểm', ' hạng 1 sao, 2 sao'],
    documents: ['Đơn đề nghị', 'Giấy chứng nhận ký quỹ', 'Bằng tốt nghiệp chuyên ngành lữ hành'],
    law: [['09/2017/QH14', 'Luật Du lịch']],
  },
  {
    field: 'Thể dục thể thao',
    department: 'culture',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp lại'], ['giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao']],
      [['Đăng cai tổ chức'], ['giải thi đấu thể thao thành tích cao', 'giải thi đấu vô địch từng môn thể thao của tỉnh']],
    ],
    qualifiers: ['', ' đối với môn bơi, lặn', ' đối với môn võ thuật'],
    documents: ['Đơn đề nghị', 'Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh'],
    law: [['77/2006/QH11', 'Luật Thể dục, thể thao']],
  },
  {
    field: 'Khoa học và công nghệ',
    department: 'science',
    levels: ['province'],
    names: [
      [['Cấp', 'Cấp lại', 'Thay đổi, bổ sung nội dung'], ['giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 'giấy phép tiến hành công việc bức xạ', 'giấy phép hoạt động bưu chính']],
      [['Đăng ký'], ['hợp đồng chuyển giao công nghệ', 'kết quả thực hiện nhiệm vụ khoa học và công nghệ']],
    ],
    qualifiers: ['', ' sử dụng thiết bị X-quang chẩn đoán trong y tế', ' nội tỉnh'],
    documents: ['Đơn đăng ký', 'Điều lệ tổ chức', 'Hồ sơ an toàn bức xạ'],
    law: [['29/2013/QH13', 'Luật Khoa học và công nghệ']],
  },
  {
    field: 'Công Thương',
    department: 'industry',
    levels: ['province', 'district'],
    names: [
      [
        ['Cấp', 'Cấp sửa đổi, bổ sung', 'Cấp lại'],
        ['giấy phép bán lẻ sản phẩm thuốc lá', 'giấy phép bán buôn rượu', 'giấy chứng nhận đủ điều kiện thương nhân kinh doanh khí', 'giấy phép hoạt động điện lực', 'giấy chứng nhận đủ điều kiện sản xuất hóa chất'],
      ],
      [['Đăng ký'], ['hoạt động khuyến mại', 'hội chợ, triển lãm thương mại']],
    ],
    qualifiers: ['', ' trên địa bàn tỉnh', ' do bị mất, hỏng', ' cho cửa hàng bán lẻ LPG chai'],
    documents: ['Đơn đề nghị', 'Bản sao hợp đồng với nhà cung cấp', 'Bản kê cơ sở vật chất'],
    law: [
      ['36/2005/QH11', 'Luật Thương mại'],
      ['61/2024/QH15', 'Luật Điện lực'],
    ],
  },
  {
    field: 'Tín ngưỡng, tôn giáo',
    department: 'ethnic',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Đăng ký', 'Thông báo'], ['hoạt động tín ngưỡng', 'sinh hoạt tôn giáo tập trung', 'danh mục hoạt động tôn giáo']],
      [['Đề nghị', 'Chấp thuận'], ['tổ chức cuộc lễ ngoài cơ sở tôn giáo', 'sửa chữa, cải tạo, nâng cấp công trình tín ngưỡng', 'giảng đạo ngoài địa bàn phụ trách']],
    ],
    qualifiers: ['', ' diễn ra trên địa bàn một xã', ' có quy mô tổ chức ở nhiều xã'],
    documents: ['Văn bản đăng ký', 'Danh sách người tham gia', 'Nội quy sinh hoạt'],
    law: [['02/2016/QH14', 'Luật Tín ngưỡng, tôn giáo']],
  },
  {
    field: 'Thi đua, khen thưởng',
    department: 'home',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Tặng'], ['Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Giấy khen của Chủ tịch Ủy ban nhân dân xã', 'Cờ thi đua của Ủy ban nhân dân tỉnh']],
      [['Tặng danh hiệu', 'Xét tặng danh hiệu'], ['Chiến sĩ thi đua cơ sở', 'Tập thể lao động xuất sắc', 'Lao động tiên tiến']],
    ],
    qualifiers: ['', ' theo công trạng và thành tích đạt được', ' theo đợt hoặc chuyên đề', ' cho gia đình'],
    documents: ['Tờ trình đề nghị khen thưởng', 'Báo cáo thành tích', 'Biên bản họp Hội đồng thi đua - khen thưởng'],
    law: [['06/2022/QH15', 'Luật Thi đua, khen thưởng']],
  },
  {
    field: 'Tổ chức phi chính phủ',
    department: 'home',
    levels: ['province', 'district'],
    names: [
      [['Công nhận'], ['ban vận động thành lập hội', 'quỹ đủ điều kiện hoạt động']],
      [['Phê duyệt'], ['điều lệ hội', 'điều lệ quỹ']],
      [['Cho phép thành lập', 'Cho phép đổi tên', 'Giải thể'], ['hội', 'quỹ xã hội, quỹ từ thiện']],
    ],
    qualifiers: ['', ' có phạm vi hoạt động trong tỉnh', ' có phạm vi hoạt động trong xã'],
    documents: ['Đơn đề nghị', 'Dự thảo điều lệ', 'Danh sách thành viên ban vận động'],
    law: [['45/2010/NĐ-CP', 'Nghị định quy định về tổ chức, hoạt động và quản lý hội']],
  },
  {
    field: 'Giải quyết khiếu nại, tố cáo',
    department: 'inspection',
    levels: ['province', 'district', 'commune'],
    names: [
      [['Giải quyết'], ['khiếu nại lần đầu', 'khiếu nại lần hai', 'tố cáo']],
      [['Tiếp nhận, xử lý'], ['kiến nghị, phản ánh', 'đơn thư']],
    ],
    qualifiers: ['', '', ' của công dân'],
    documents: ['Đơn khiếu nại hoặc văn bản ghi lại nội dung khiếu nại', 'Tài liệu, chứng cứ kèm theo'],
    law: [
      ['02/2011/QH13', 'Luật Khiếu nại'],
      ['25/2018/QH14', 'Luật Tố cáo'],
    ],
  },
];

/** How many distinct names a field can make: fields are drawn in proportion, so names rarely repeat. */
const capacity = (spec: FieldSpec): number => spec.names.reduce((sum, [verbs, objects]) => sum + verbs.length * objects.length, 0) * new Set(spec.qualifiers).size;
const FIELDS_BY_LEVEL: Readonly<Record<Level, readonly (readonly [FieldSpec, number])[]>> = {
  province: FIELDS.filter((spec) => spec.levels.includes('province')).map((spec) => [spec, capacity(spec)] as const),
  district: FIELDS.filter((spec) => spec.levels.includes('district')).map((spec) => [spec, capacity(spec)] as const),
  commune: FIELDS.filter((spec) => spec.levels.includes('commune')).map((spec) => [spec, capacity(spec)] as const),
};

const DISTRICTS: readonly (readonly [string, string])[] = [
  ['323', 'Thành phố Hưng Yên'],
  ['325', 'Huyện Văn Lâm'],
  ['326', 'Huyện Văn Giang'],
  ['327', 'Huyện Yên Mỹ'],
  ['328', 'Thị xã Mỹ Hào'],
  ['329', 'Huyện Ân Thi'],
  ['330', 'Huyện Khoái Châu'],
  ['331', 'Huyện Kim Động'],
  ['332', 'Huyện Tiên Lữ'],
  ['333', 'Huyện Phù Cừ'],
];
const COMMUNE_NAMES = [
  'An', 'Bình', 'Châu', 'Đông', 'Đức', 'Hòa', 'Hồng', 'Hưng', 'Khánh', 'Lạc', 'Lam', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Ngọc', 'Phú', 'Phúc', 'Quang', 'Sơn', 'Tân', 'Thái', 'Thanh',
  'Thắng', 'Thịnh', 'Thuận', 'Tiến', 'Trung', 'Văn', 'Việt', 'Vĩnh', 'Xuân', 'Yên',
];
const COMMUNE_COUNT = 104;
const DEMO_COMMUNE = { unit: '12250', agency: '000.24.11.H33', name: 'Xã Phù Cừ' };

const FEE_AMOUNTS = [10000, 15000, 20000, 30000, 50000, 75000, 100000, 150000, 200000, 300000, 500000, 1000000, 1500000, 3000000];
/** The share of the procedures done within one working day at one agency that are flagged on the spot. */
const ON_THE_SPOT_SHARE = 0.4;

const DAYS: readonly (readonly [number, number])[] = [
  [1, 8], [2, 5], [3, 12], [5, 14], [7, 10], [10, 12], [12, 4], [15, 12], [20, 10], [25, 3], [30, 6], [45, 3], [60, 1],
];

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const isoDate = (epochDay: number): string => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const epochDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

interface AgencyRef {
  code: string;
  name: string;
  unit: string;
}

// ----------------------------------------------------------------------------------- generator

export function generateCatalogue(options: GenerateOptions = {}): Input {
  const count = options.procedures ?? 1700;
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new RangeError('procedures: a whole number from 1 to 100,000');
  const random = new Random(options.seed ?? 1);

  // Units: the province, the legacy districts, the current communes.
  const units: NonNullable<Input['units']> = [{ code: '33', name: 'Tỉnh Hưng Yên', level: 'province', valid_from: '1997-01-01' }];
  for (const [code, name] of DISTRICTS) units.push({ code, name, level: 'district', parent_code: '33', valid_from: '1997-01-01', valid_to: '2025-06-30' });
  const communeUnits: string[] = [];
  const communeNames = new Set<string>([DEMO_COMMUNE.name]);
  units.push({ code: DEMO_COMMUNE.unit, name: DEMO_COMMUNE.name, level: 'commune', parent_code: '33', valid_from: '2025-07-01' });
  communeUnits.push(DEMO_COMMUNE.unit);
  for (let i = 0; communeUnits.length < COMMUNE_COUNT; i += 1) {
    const code = String(11953 + i * 3);
    if (code === DEMO_COMMUNE.unit) continue;
    let name = `${random.chance(0.3) ? 'Phường' : 'Xã'} ${random.pick(COMMUNE_NAMES)} ${random.pick(COMMUNE_NAMES)}`;
    while (communeNames.has(name)) name = `${name} ${random.pick(COMMUNE_NAMES)}`;
    communeNames.add(name);
    units.push({ code, name, level: 'commune', parent_code: '33', valid_from: '2025-07-01' });
    communeUnits.push(code);
  }

  // Agencies.
  const agencies: NonNullable<Input['agencies']> = [];
  const addAgency = (code: string, name: string, unit: string, kind: 'people_committee' | 'department', validTo?: string): AgencyRef => {
    agencies.push({ code, name, unit_code: unit, kind, ...(validTo ? { valid_to: validTo } : {}) });
    return { code, name, unit };
  };
  const provinceCommittee = addAgency(PROVINCE_COMMITTEE[0], PROVINCE_COMMITTEE[1], '33', 'people_committee');
  const departments = new Map<string, AgencyRef>();
  for (const [key, [code, name]] of Object.entries(DEPARTMENTS)) departments.set(key, addAgency(code, name, '33', 'department'));
  const districtCommittees = DISTRICTS.map(([unit, name], index) =>
    addAgency(`000.00.${pad(21 + index, 2)}.H33`, `Ủy ban nhân dân ${name.charAt(0).toLowerCase()}${name.slice(1)}`, unit, 'people_committee', '2025-06-30'),
  );
  const communeCommittees = communeUnits.map((unit, index) => {
    const name = units.find((candidate) => candidate.code === unit)?.name ?? unit;
    const code = unit === DEMO_COMMUNE.unit ? DEMO_COMMUNE.agency : `000.${pad((index % 90) + 1, 2)}.${pad(40 + Math.floor(index / 90), 2)}.H33`;
    return addAgency(code, `Ủy ban nhân dân ${name.charAt(0).toLowerCase()}${name.slice(1)}`, unit, 'people_committee');
  });

  // How many procedures at each level, and which are inter-agency.
  const provinceCount = Math.round((count * SHARES.province) / SHARES.total);
  const districtCount = Math.round((count * SHARES.district) / SHARES.total);
  const levels: Level[] = [
    ...Array<Level>(provinceCount).fill('province'),
    ...Array<Level>(districtCount).fill('district'),
    ...Array<Level>(count - provinceCount - districtCount).fill('commune'),
  ];
  const interAgency = new Set(random.shuffle(levels.map((_, index) => index)).slice(0, Math.round((count * SHARES.interAgency) / SHARES.total)));

  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const procedures: ProcedureInput[] = levels.map((level, index) => {
    const spec = random.weighted(FIELDS_BY_LEVEL[level]);
    // Commune and district procedures are mostly left to the People's Committee of the applicant's unit (null).
    const competent =
      level === 'province'
        ? (departments.get(spec.department) ?? provinceCommittee)
        : random.chance(0.1)
          ? random.pick(level === 'district' ? districtCommittees : communeCommittees)
          : null;
    const { name, object } = uniqueName(random, spec, level, usedNames);
    const code = uniqueCode(random, usedCodes);
    const withProcess = interAgency.has(index) || random.chance(APPROVED_PROCESS[level]);
    const partner = interAgency.has(index) ? pickPartner(random, level, competent, provinceCommittee, [...departments.values()]) : undefined;
    return buildProcedure(random, { code, name, object, level, spec, competent, withProcess, partner });
  });

  // Desks: the service centre's counters (one per department, plus a general one), and one per commune.
  const desks: NonNullable<Input['desks']> = [];
  const byAgency = new Map<string, string[]>();
  for (const procedure of procedures) {
    if (procedure.competent_agency_code === null) continue;
    const list = byAgency.get(procedure.competent_agency_code) ?? [];
    list.push(procedure.code);
    byAgency.set(procedure.competent_agency_code, list);
  }
  const justice = departments.get('justice') as AgencyRef;
  desks.push({ code: 'H33-TTPVHCC-Q01', name: `Quầy 01 – ${justice.name}`, agency_code: justice.code, unit_codes: ['*'], procedure_codes: byAgency.get(justice.code) ?? ['*'] });
  desks.push({ code: 'H33-TTPVHCC-Q02', name: 'Quầy 02 – Tiếp nhận chung', agency_code: justice.code, unit_codes: ['*'], procedure_codes: ['*'] });
  let counter = 3;
  for (const department of departments.values()) {
    if (department.code === justice.code) continue;
    const codes = byAgency.get(department.code);
    if (!codes) continue;
    desks.push({ code: `H33-TTPVHCC-Q${pad(counter, 2)}`, name: `Quầy ${pad(counter, 2)} – ${department.name}`, agency_code: department.code, unit_codes: ['*'], procedure_codes: codes });
    counter += 1;
  }
  for (const committee of communeCommittees) {
    // A commune's desk receives its own level's procedures; the service centre's general counter receives everything.
    desks.push({ code: `H33-X${committee.unit}-BPMC`, name: `Bộ phận một cửa ${committee.name}`, agency_code: committee.code, unit_codes: [committee.unit], levels: ['commune'] });
  }

  return {
    format: CATALOGUE_FILE_FORMAT,
    tenant: options.tenant ?? 'hung-yen',
    notes: `Synthetic catalogue for load tests (seed ${String(options.seed ?? 1)}, ${count} procedures). Names are built from real fields and verbs; codes, decision numbers, commune names and agency codes are invented.`,
    units,
    agencies,
    desks,
    procedures,
  };
}

/** A name not yet used at this level, and the object it is about. */
function uniqueName(random: Random, spec: FieldSpec, level: Level, used: Set<string>): { name: string; object: string } {
  for (let attempt = 0; ; attempt += 1) {
    const [verbs, objects] = random.pick(spec.names);
    const object = random.pick(objects);
    // Few combinations left: a real catalogue then distinguishes by case.
    const tail = attempt < 12 ? random.pick(spec.qualifiers) : ` (trường hợp ${attempt - 10})`;
    const name = capitalise(`${random.pick(verbs)} ${object}${tail}`);
    const key = `${level}|${name}`;
    if (!used.has(key)) {
      used.add(key);
      return { name, object };
    }
  }
}

function uniqueCode(random: Random, used: Set<string>): string {
  for (;;) {
    const prefix = random.weighted([
      ['1', 60],
      ['2', 35],
      ['3', 5],
    ] as const);
    const code = `${prefix}.${pad(random.int(100, 16999), 6)}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function pickPartner(
  random: Random,
  level: Level,
  competent: AgencyRef | null,
  provinceCommittee: AgencyRef,
  departments: readonly AgencyRef[],
): AgencyRef {
  const others = departments.filter((department) => department.code !== competent?.code);
  if (level === 'province') return random.chance(0.7) ? provinceCommittee : random.pick(others);
  if (level === 'district') return random.chance(0.5) ? random.pick(others) : provinceCommittee;
  // Commune procedures date from after the district level was abolished: the partner is provincial.
  return random.chance(0.6) ? random.pick(others) : provinceCommittee;
}

/** Integer percentages summing to 100, each at least `min`. */
function splitPercent(random: Random, parts: number, min = 5): number[] {
  const weights = Array.from({ length: parts }, () => 1 + random.next() * 3);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => Math.max(min, Math.floor((weight / total) * (100 - parts * min)) + min));
  const diff = 100 - shares.reduce((sum, share) => sum + share, 0);
  shares[shares.indexOf(Math.max(...shares))] += diff;
  return shares;
}

interface ProcedurePlan {
  code: string;
  name: string;
  object: string;
  level: Level;
  spec: FieldSpec;
  /** Null: the People's Committee of the applicant's unit. */
  competent: AgencyRef | null;
  withProcess: boolean;
  partner?: AgencyRef;
}

function buildProcedure(random: Random, plan: ProcedurePlan): ProcedureInput {
  const { spec, level } = plan;
  const components: ProcedureInput['components'] = [
    {
      code: 'DON',
      name: `${spec.documents[0]} (theo mẫu)`,
      kind: 'original',
      count: 1,
      mandatory: true,
      template: { code: `${plan.code}-M01`, title: spec.documents[0] },
    },
  ];
  const extra = random.shuffle(spec.documents.slice(1)).slice(0, random.int(0, spec.documents.length - 1));
  extra.forEach((document, index) => {
    components.push({
      code: `TP${pad(index + 2, 2)}`,
      name: document,
      kind: random.weighted([
        ['original', 4],
        ['copy', 4],
        ['certified_copy', 2],
      ] as const),
      count: random.chance(0.85) ? 1 : 2,
      mandatory: random.chance(0.75),
    });
  });
  if (random.chance(0.3)) components.push({ code: 'UQ', name: 'Văn bản ủy quyền (trường hợp ủy quyền)', kind: 'original', count: 1, mandatory: false, document_type: 'van_ban_uy_quyen' });

  const processingTime: ProcedureInput['processing_time'] = random.chance(0.03)
    ? { unit: 'working_hours', amount: random.pick([4, 8]) }
    : { unit: 'working_days', amount: random.weighted(DAYS) };

  const cases: NonNullable<ProcedureInput['cases']> = [];
  const fees: FeeInput[] = [];
  if (random.chance(0.45)) {
    const amount = random.pick(FEE_AMOUNTS);
    const fee: FeeInput = { code: 'LP01', name: `Lệ phí ${plan.name.charAt(0).toLowerCase()}${plan.name.slice(1)}`.slice(0, 500), kind: random.chance(0.6) ? 'charge' : 'fee', amount };
    if (random.chance(0.2)) {
      cases.push({ code: 'TO_CHUC', name: 'Người nộp là tổ chức' }, { code: 'HO_NGHEO', name: 'Người thuộc hộ nghèo' });
      fee.variants = [{ case_code: 'TO_CHUC', amount: amount * 2 }];
      fee.exemptions = [{ case_code: 'HO_NGHEO', reason: 'Miễn theo nghị quyết của Hội đồng nhân dân tỉnh' }];
    }
    if (random.chance(0.25)) fee.online_discount = random.chance(0.7) ? { percent: random.pick([20, 50, 100]) } : { amount: Math.min(amount, 10000) };
    fees.push(fee);
  }

  const resultName = /^(giấy|chứng chỉ|thẻ|bằng|phù hiệu)/i.test(plan.object) ? capitalise(plan.object) : 'Văn bản giải quyết thủ tục hành chính';
  const effectiveFrom =
    level === 'district' ? random.int(epochDay('2020-01-01'), epochDay('2025-06-30')) : random.chance(0.6) ? epochDay('2025-07-01') : random.int(epochDay('2025-07-01'), epochDay('2026-09-30'));
  const [first, second] = spec.law;
  const legalBasis = [{ number: first[0], title: first[1] }, ...(second && random.chance(0.6) ? [{ number: second[0], title: second[1] }] : [])];

  const procedure: ProcedureInput = {
    code: plan.code,
    name: plan.name,
    field: spec.field,
    level,
    implementing_agency_code: null,
    competent_agency_code: plan.competent?.code ?? null,
    legal_basis: legalBasis,
    cases,
    components,
    processing_time: processingTime,
    fees,
    result_documents: [{ code: 'KQ', name: resultName }],
    online_level: random.weighted([
      ['full', 40],
      ['partial', 45],
      ['none', 15],
    ] as const),
    location_independent: random.chance(level === 'province' ? 0.7 : 0.55),
    postal: { intake: random.chance(0.8), return: random.chance(0.85) },
    internal_process: plan.withProcess ? buildProcess(random, plan.partner) : [],
    version: {
      effective_from: isoDate(effectiveFrom),
      decision_number: `${random.int(100, 3999)}/QĐ-UBND`,
      decision_date: isoDate(effectiveFrom - random.int(0, 20)),
    },
  };
  // On the spot (4 tại chỗ): some of the procedures done within one working day at one agency
  // (no inter-agency partner), about 4 % of the catalogue.
  const sameDay = processingTime.unit === 'working_days' ? processingTime.amount <= ON_THE_SPOT_LIMITS.days : processingTime.amount <= ON_THE_SPOT_LIMITS.hours;
  if (sameDay && plan.partner === undefined && random.chance(ON_THE_SPOT_SHARE)) procedure.on_the_spot = true;
  return procedure;
}

function buildProcess(random: Random, partner: AgencyRef | undefined): StepInput[] {
  if (partner === undefined) {
    const extraReview = random.chance(0.4);
    const roles: StepInput['role'][] = ['desk_officer', 'specialist', ...(extraReview ? (['specialist'] as const) : []), 'leader', ...(random.chance(0.3) ? (['clerk'] as const) : []), 'desk_officer'];
    const shares = splitPercent(random, roles.length);
    const names: Record<StepInput['role'], string> = {
      desk_officer: 'Tiếp nhận hồ sơ',
      specialist: 'Thẩm định hồ sơ',
      leader: 'Lãnh đạo phê duyệt, ký',
      clerk: 'Văn thư vào sổ, đóng dấu',
    };
    return roles.map((role, index) => ({
      name: index === roles.length - 1 ? 'Trả kết quả' : names[role],
      role,
      agency_code: 'competent',
      share: shares[index] / 100,
    }));
  }
  const shares = splitPercent(random, 6);
  return [
    { name: 'Tiếp nhận hồ sơ', role: 'desk_officer', agency_code: 'competent', share: shares[0] / 100 },
    { name: 'Thẩm định, đề xuất; chuyển hồ sơ liên thông', role: 'specialist', agency_code: 'competent', share: shares[1] / 100, hands_over_to: partner.code },
    { name: `${partner.name}: thẩm định`, role: 'specialist', agency_code: partner.code, share: shares[2] / 100 },
    { name: `${partner.name}: phê duyệt, ký`, role: 'leader', agency_code: partner.code, share: shares[3] / 100, hands_over_to: 'competent' },
    { name: 'Vào sổ, đóng dấu, chuyển bộ phận một cửa', role: 'clerk', agency_code: 'competent', share: shares[4] / 100 },
    { name: 'Trả kết quả', role: 'desk_officer', agency_code: 'competent', share: shares[5] / 100 },
  ];
}
