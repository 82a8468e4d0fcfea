/**
 * The content type of a file, read from its first bytes (magic numbers), never from the name
 * or the declared type. Pure; no I/O.
 */
export const ALLOWED_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/xml',
] as const;

export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

export type SniffResult =
  | { readonly allowed: true; readonly contentType: AllowedContentType }
  | { readonly allowed: false; readonly detected: string };

const startsWith = (content: Uint8Array, magic: readonly number[], at = 0): boolean =>
  content.length >= at + magic.length && magic.every((byte, i) => content[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The first `n` bytes as Latin-1 text, lower-cased, leading BOM and whitespace removed. */
function head(content: Uint8Array, n = 512): string {
  let text = Buffer.from(content.subarray(0, n)).toString('latin1');
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  return text.trimStart().toLowerCase();
}

/** A zip whose entries include the main part of a Word document (`word/document.xml`). */
function isDocx(content: Uint8Array): boolean {
  if (!startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return false;
  // Local file headers name their entries; a DOCX has [Content_Types].xml and word/ parts.
  const names = Buffer.from(content.subarray(0, Math.min(content.length, 1 << 20))).toString('latin1');
  return names.includes('[Content_Types].xml') && names.includes('word/');
}

const HTML_MARKERS = ['<!doctype html', '<html', '<script', '<head', '<body', '<iframe', '<svg'];

export function sniffContentType(content: Uint8Array): SniffResult {
  if (content.length === 0) return { allowed: false, detected: 'empty' };
  if (startsWith(content, ascii('%PDF-'))) return { allowed: true, contentType: 'application/pdf' };
  if (startsWith(content, [0xff, 0xd8, 0xff])) return { allowed: true, contentType: 'image/jpeg' };
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { allowed: true, contentType: 'image/png' };
  if (isDocx(content)) return { allowed: true, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return { allowed: false, detected: 'application/zip' };
  if (startsWith(content, ascii('MZ'))) return { allowed: false, detected: 'application/x-msdownload' };
  if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46])) return { allowed: false, detected: 'application/x-elf' };
  if (startsWith(content, ascii('#!'))) return { allowed: false, detected: 'text/x-script' };
  const text = head(content);
  if (HTML_MARKERS.some((marker) => text.includes(marker))) return { allowed: false, detected: 'text/html' };
  if (text.startsWith('<?xml')) return { allowed: true, contentType: 'application/xml' };
  return { allowed: false, detected: 'application/octet-stream' };
}
