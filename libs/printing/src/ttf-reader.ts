/**
 * A small TrueType reader: just what a PDF writer needs to embed a font as a CIDFontType2,
 * namely the character → glyph map (cmap format 4 or 12), the advance widths (hmtx) and the
 * metrics of the font descriptor (head, hhea, OS/2, post). Pure; takes the file's bytes.
 */
export interface TrueTypeFont {
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** [xMin, yMin, xMax, yMax] in font units. */
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly postScriptName: string;
  /** Glyph id of a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advanceWidth(glyphId: number): number;
}

export class TrueTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrueTypeError';
  }
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.byteLength) throw new TrueTypeError('Truncated font file');
  };
  const u16 = (offset: number) => (need(offset, 2), view.getUint16(offset));
  const i16 = (offset: number) => (need(offset, 2), view.getInt16(offset));
  const u32 = (offset: number) => (need(offset, 4), view.getUint32(offset));

  const version = u32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new TrueTypeError('Not a TrueType font (glyf outlines)');
  const numTables = u16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    need(record, 16);
    const tag = String.fromCharCode(bytes[record], bytes[record + 1], bytes[record + 2], bytes[record + 3]);
    tables.set(tag, { offset: u32(record + 8), length: u32(record + 12) });
  }
  const table = (tag: string): TableRecord => {
    const found = tables.get(tag);
    if (!found) throw new TrueTypeError(`Font has no ${tag} table`);
    need(found.offset, found.length);
    return found;
  };

  const head = table('head').offset;
  const unitsPerEm = u16(head + 18);
  const bbox = [i16(head + 36), i16(head + 38), i16(head + 40), i16(head + 42)] as const;
  const hhea = table('hhea').offset;
  const hheaAscent = i16(hhea + 4);
  const hheaDescent = i16(hhea + 6);
  const numberOfHMetrics = u16(hhea + 34);
  const numGlyphs = u16(table('maxp').offset + 4);
  const hmtx = table('hmtx').offset;
  const post = tables.get('post');
  const italicAngle = post ? view.getInt32(post.offset + 4) / 65536 : 0;
  const os2 = tables.get('OS/2');
  const os2Version = os2 ? u16(os2.offset) : -1;
  const ascent = os2 ? i16(os2.offset + 68) : hheaAscent;
  const descent = os2 ? i16(os2.offset + 70) : hheaDescent;
  const capHeight = os2 && os2Version >= 2 ? i16(os2.offset + 88) : ascent;

  const lookup = readCmap(table('cmap').offset, u16, u32, i16);

  return {
    unitsPerEm,
    numGlyphs,
    bbox,
    ascent,
    descent,
    capHeight,
    italicAngle,
    postScriptName: readPostScriptName(tables.get('name'), bytes, u16) ?? 'EmbeddedFont',
    glyphId: (codePoint) => {
      const id = lookup(codePoint);
      return id > 0 && id < numGlyphs ? id : 0;
    },
    advanceWidth: (glyphId) => u16(hmtx + 4 * Math.min(glyphId, numberOfHMetrics - 1)),
  };
}

type Reader = (offset: number) => number;

/** The best Unicode subtable: format 12 (full Unicode) before format 4 (BMP). */
function readCmap(cmap: number, u16: Reader, u32: Reader, i16: Reader): (codePoint: number) => number {
  const count = u16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = u16(record);
    const encoding = u16(record + 2);
    const subtable = cmap + u32(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = u16(subtable);
    if (format === 12) format12 ??= subtable;
    if (format === 4) format4 ??= subtable;
  }
  if (format12 !== undefined) {
    const groups = u32(format12 + 12);
    const table = format12;
    return (codePoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const group = table + 16 + mid * 12;
        const start = u32(group);
        const end = u32(group + 4);
        if (codePoint < start) high = mid - 1;
        else if (codePoint > end) low = mid + 1;
        else return u32(group + 8) + (codePoint - start);
      }
      return 0;
    };
  }
  if (format4 !== undefined) {
    const table = format4;
    const segCount = u16(table + 6) / 2;
    const endCodes = table + 14;
    const startCodes = endCodes + segCount * 2 + 2;
    const idDeltas = startCodes + segCount * 2;
    const idRangeOffsets = idDeltas + segCount * 2;
    return (codePoint) => {
      if (codePoint > 0xffff) return 0;
      for (let i = 0; i < segCount; i++) {
        if (codePoint > u16(endCodes + i * 2)) continue;
        const start = u16(startCodes + i * 2);
        if (codePoint < start) return 0;
        const delta = i16(idDeltas + i * 2);
        const rangeOffset = u16(idRangeOffsets + i * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = u16(idRangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new TrueTypeError('Font has no Unicode cmap (format 4 or 12)');
}

/** nameID 6 (PostScript name), from a Windows (UTF-16BE) or Macintosh (ASCII) record. */
function readPostScriptName(name: TableRecord | undefined, bytes: Uint8Array, u16: Reader): string | undefined {
  if (!name) return undefined;
  const count = u16(name.offset + 2);
  const storage = name.offset + u16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const record = name.offset + 6 + i * 12;
    if (u16(record + 6) !== 6) continue;
    const platform = u16(record);
    const start = storage + u16(record + 10);
    const raw = bytes.subarray(start, start + u16(record + 8));
    const text = platform === 3 || platform === 0 ? Buffer.from(raw).swap16().toString('utf16le') : Buffer.from(raw).toString('latin1');
    const clean = text.replace(/[^A-Za-z0-9-]/g, '');
    if (clean) return clean;
  }
  return undefined;
}
