import { readFileSync } from 'node:fs';
import { DEFAULT_FONT_PATH, wrapText } from './layout';
import { extractText, parsePdf } from './pdf-test-support';
import { PdfFont, writePdf } from './pdf-writer';
import { readTrueType } from './ttf-reader';

const fontBytes = readFileSync(DEFAULT_FONT_PATH);
const newFont = () => new PdfFont(readTrueType(fontBytes), fontBytes);

describe('writePdf', () => {
  const pdf = writePdf([{ texts: [{ x: 50, y: 780, size: 12, text: 'Xin chào Việt Nam (1)' }] }, { texts: [{ x: 50, y: 780, size: 12, text: 'Trang 2' }] }], newFont(), {
    title: 'Phiếu',
  });
  const parsed = parsePdf(pdf);

  it('is PDF 1.4 whose xref offsets all point at their objects', () => {
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect(parsed.objects.size).toBeGreaterThanOrEqual(10);
    expect(parsed.trailer).toMatch(/\/Size \d+ \/Root 1 0 R \/Info \d+ 0 R/);
  });

  it('embeds the font as CIDFontType2, Identity-H, with widths and a ToUnicode CMap', () => {
    const bodies = [...parsed.objects.values()].map((o) => o.body).join('\n');
    expect(bodies).toMatch(/\/Subtype \/Type0 \/BaseFont \/MCAAAA\+DejaVuSans \/Encoding \/Identity-H/);
    expect(bodies).toMatch(/\/Subtype \/CIDFontType2 .*\/CIDToGIDMap \/Identity/);
    expect(bodies).toMatch(/\/W \[\d+ \[\d+\]/);
    const fontFile = [...parsed.objects.values()].find((o) => o.body.includes('/Length1'));
    expect(fontFile?.stream?.equals(fontBytes)).toBe(true);
  });

  it('has the pages in order and the text extractable', () => {
    expect([...parsed.objects.values()].find((o) => o.body.includes('/Type /Pages'))?.body).toMatch(/\/Count 2/);
    expect(extractText(parsed)).toBe('Xin chào Việt Nam (1)\nTrang 2');
  });

  it('draws decomposed input as the precomposed letters', () => {
    const decomposed = 'Vie\u0323\u0302t';
    expect(extractText(parsePdf(writePdf([{ texts: [{ x: 0, y: 0, size: 10, text: decomposed }] }], newFont())))).toBe('Việt');
  });

  it('needs a page', () => {
    expect(() => writePdf([], newFont())).toThrow('at least one page');
  });
});

describe('wrapText', () => {
  it('keeps every line within the width and loses no word', () => {
    const font = newFont();
    const text = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận';
    const lines = wrapText(font, text, 11, 150);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => font.measure(line, 11) <= 150)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});
