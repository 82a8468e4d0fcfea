import { sniffContentType } from './content-sniffer';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A zip local file header naming `name` (enough for the sniffer). */
const zipEntry = (name: string) => bytes([0x50, 0x4b, 0x03, 0x04], new Array<number>(26).fill(0), name);

describe('sniffContentType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'application/pdf'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['DOCX', Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XML', bytes('<?xml version="1.0" encoding="UTF-8"?><HoSo/>'), 'application/xml'],
    ['XML with BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?><a/>'), 'application/xml'],
  ])('accepts %s', (_name, content, expected) => {
    expect(sniffContentType(content)).toEqual({ allowed: true, contentType: expected });
  });

  it.each([
    ['a Windows executable renamed .pdf', bytes('MZ\x90\x00\x03\x00\x00\x00PE'), 'application/x-msdownload'],
    ['an ELF binary', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'application/x-elf'],
    ['HTML renamed .pdf', bytes('<!DOCTYPE html><html><body>Hồ sơ</body></html>'), 'text/html'],
    ['HTML with leading whitespace', bytes('\n\n   <html><script>alert(1)</script>'), 'text/html'],
    ['XHTML behind an XML prolog', bytes('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'), 'text/html'],
    ['SVG (scriptable image)', bytes('<?xml version="1.0"?><svg onload="alert(1)"/>'), 'text/html'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /'), 'text/x-script'],
    ['a plain zip', zipEntry('payload.exe'), 'application/zip'],
    ['plain text', bytes('Đơn đề nghị'), 'application/octet-stream'],
    ['nothing', bytes(), 'empty'],
    ['a PDF magic not at the start', bytes('xx%PDF-1.4'), 'application/octet-stream'],
  ])('refuses %s', (_name, content, detected) => {
    expect(sniffContentType(content)).toEqual({ allowed: false, detected });
  });
});
