import { deflateSync } from 'node:zlib';
import { TrueTypeFont } from './ttf-reader';

/**
 * A minimal PDF 1.4 writer: A4 pages of text runs and rules, in one embedded TrueType font as
 * a CIDFontType2 with Identity-H encoding (2-byte glyph ids) and a ToUnicode CMap, so any
 * Unicode text the font covers (Vietnamese included) is drawn and stays extractable.
 * The whole font file is embedded (no subsetting). Pure: bytes in, bytes out.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface PdfTextRun {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

export interface PdfRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width?: number;
}

export interface PdfPage {
  readonly texts: readonly PdfTextRun[];
  readonly rules?: readonly PdfRule[];
}

export interface PdfInfo {
  readonly title?: string;
  readonly producer?: string;
}

/** The embedded font: glyph lookup and measuring, remembering which glyphs were used for what. */
export class PdfFont {
  private readonly used = new Map<number, string>();

  constructor(
    readonly font: TrueTypeFont,
    readonly file: Uint8Array,
  ) {}

  /** Width of `text` at `size` points. */
  measure(text: string, size: number): number {
    let units = 0;
    for (const char of text.normalize('NFC')) units += this.font.advanceWidth(this.font.glyphId(char.codePointAt(0) ?? 0));
    return (units * size) / this.font.unitsPerEm;
  }

  /** `text` as a PDF hex string of 2-byte glyph ids (Identity-H). */
  encode(text: string): string {
    let hex = '';
    for (const char of text.normalize('NFC')) {
      const gid = this.font.glyphId(char.codePointAt(0) ?? 0);
      if (gid !== 0 && !this.used.has(gid)) this.used.set(gid, char);
      hex += gid.toString(16).padStart(4, '0');
    }
    return `<${hex}>`;
  }

  /** Glyph ids used so far, ascending, with the text each stands for. */
  usedGlyphs(): [number, string][] {
    return [...this.used.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Width in PDF glyph space (1/1000 em). */
  glyphWidth(gid: number): number {
    return Math.round((this.font.advanceWidth(gid) * 1000) / this.font.unitsPerEm);
  }
}

const num = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, ''));

/** A PDF literal string of ASCII-safe text (other characters as UTF-16BE with BOM, hex). */
function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

function utf16Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

function toUnicodeCMap(glyphs: [number, string][]): string {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let i = 0; i < glyphs.length; i += 100) {
    const chunk = glyphs.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [gid, text] of chunk) lines.push(`<${gid.toString(16).padStart(4, '0').toUpperCase()}> <${utf16Hex(text)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

function contentStream(page: PdfPage, font: PdfFont): string {
  const ops: string[] = [];
  for (const rule of page.rules ?? []) {
    ops.push(`${num(rule.width ?? 0.5)} w ${num(rule.x1)} ${num(rule.y1)} m ${num(rule.x2)} ${num(rule.y2)} l S`);
  }
  for (const run of page.texts) {
    ops.push(`BT /F1 ${num(run.size)} Tf ${num(run.x)} ${num(run.y)} Td ${font.encode(run.text)} Tj ET`);
  }
  return ops.join('\n');
}

/** Writes the document: objects, a cross-reference table with exact byte offsets, the trailer. */
export function writePdf(pages: readonly PdfPage[], font: PdfFont, info: PdfInfo = {}): Buffer {
  if (pages.length === 0) throw new Error('A PDF needs at least one page');
  // Page contents first: they decide which glyphs the width array and ToUnicode list.
  const contents = pages.map((page) => contentStream(page, font));
  const glyphs = font.usedGlyphs();
  const metrics = font.font;
  const scale = (v: number) => Math.round((v * 1000) / metrics.unitsPerEm);
  const fontName = `MCAAAA+${metrics.postScriptName}`.slice(0, 63);

  const objects: (string | { dict: string; data: Buffer })[] = [];
  const add = (body: string | { dict: string; data: Buffer }): number => objects.push(body);
  const catalog = add('');
  const pagesRef = add('');
  const type0 = add('');
  const cidFont = add('');
  const descriptor = add('');
  const fontFile = add({ dict: `/Length1 ${font.file.length} /Filter /FlateDecode`, data: deflateSync(font.file) });
  const toUnicode = add({ dict: '', data: Buffer.from(toUnicodeCMap(glyphs), 'latin1') });
  const infoRef = add(`<< /Producer ${pdfString(info.producer ?? 'MotCua')}${info.title ? ` /Title ${pdfString(info.title)}` : ''} >>`);
  const pageRefs: number[] = [];
  for (const content of contents) {
    const stream = add({ dict: '', data: Buffer.from(content, 'latin1') });
    pageRefs.push(
      add(
        `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] ` +
          `/Resources << /Font << /F1 ${type0} 0 R >> /ProcSet [/PDF /Text] >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  const widths = glyphs.map(([gid]) => `${gid} [${font.glyphWidth(gid)}]`).join(' ');
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
  objects[pagesRef - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;
  objects[type0 - 1] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /${fontName} /Encoding /Identity-H ` + `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`;
  objects[cidFont - 1] =
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${fontName} ` +
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
    `/FontDescriptor ${descriptor} 0 R /DW ${font.glyphWidth(0)} /W [${widths}] /CIDToGIDMap /Identity >>`;
  objects[descriptor - 1] =
    `<< /Type /FontDescriptor /FontName /${fontName} /Flags 32 ` +
    `/FontBBox [${metrics.bbox.map(scale).join(' ')}] /ItalicAngle ${num(metrics.italicAngle)} ` +
    `/Ascent ${scale(metrics.ascent)} /Descent ${scale(metrics.descent)} /CapHeight ${scale(metrics.capHeight)} ` +
    `/StemV 80 /FontFile2 ${fontFile} 0 R >>`;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  objects.forEach((body, index) => {
    offsets.push(offset);
    if (typeof body === 'string') {
      push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    } else {
      push(Buffer.from(`${index + 1} 0 obj\n<< /Length ${body.data.length}${body.dict ? ` ${body.dict}` : ''} >>\nstream\n`, 'latin1'));
      push(body.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = offset;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
        `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoRef} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}
