import { inflateSync } from 'node:zlib';

/** A tiny PDF reader for tests: objects by the xref table, streams, and text through ToUnicode. */
export interface ParsedPdf {
  readonly objects: Map<number, { offset: number; body: string; stream?: Buffer }>;
  readonly trailer: string;
}

export function parsePdf(pdf: Buffer): ParsedPdf {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  if (!text.startsWith('xref\n', startxref)) throw new Error('startxref does not point at the xref table');
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  if (!header) throw new Error('bad xref header');
  const count = Number(header[1]);
  const rows = text.slice(startxref + header[0].length).split('\n').slice(0, count);
  const objects = new Map<number, { offset: number; body: string; stream?: Buffer }>();
  rows.forEach((row, n) => {
    if (n === 0) return;
    if (!/^\d{10} 00000 n $/.test(row)) throw new Error(`bad xref row ${n}: ${row}`);
    const offset = Number(row.slice(0, 10));
    if (!text.startsWith(`${n} 0 obj\n`, offset)) throw new Error(`object ${n} is not at offset ${offset}`);
    const end = text.indexOf('\nendobj\n', offset);
    const body = text.slice(offset, end);
    const streamAt = body.indexOf('\nstream\n');
    let stream: Buffer | undefined;
    if (streamAt >= 0) {
      const length = Number(/\/Length (\d+)/.exec(body)?.[1]);
      const start = offset + streamAt + '\nstream\n'.length;
      stream = pdf.subarray(start, start + length);
      if (!text.startsWith('\nendstream', start + length)) throw new Error(`object ${n}: /Length is wrong`);
      if (body.includes('/FlateDecode')) stream = inflateSync(stream);
    }
    objects.set(n, { offset, body, stream });
  });
  const trailer = text.slice(text.indexOf('trailer', startxref));
  return { objects, trailer };
}

/** The text of every page, glyph ids turned back into characters through the ToUnicode CMap. */
export function extractText(pdf: ParsedPdf): string {
  const cmap = [...pdf.objects.values()].find((o) => o.stream?.toString('latin1').includes('begincmap'));
  if (!cmap?.stream) throw new Error('no ToUnicode CMap');
  const map = new Map<string, string>();
  for (const [, gid, utf16] of cmap.stream.toString('latin1').matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
    map.set(gid, Buffer.from(utf16, 'hex').swap16().toString('utf16le'));
  }
  const lines: string[] = [];
  for (const object of pdf.objects.values()) {
    const content = object.stream?.toString('latin1') ?? '';
    for (const [, hex] of content.matchAll(/<([0-9a-f]*)> Tj/g)) {
      lines.push((hex.match(/.{4}/g) ?? []).map((gid) => map.get(gid.toUpperCase()) ?? '\ufffd').join(''));
    }
  }
  return lines.join('\n');
}
