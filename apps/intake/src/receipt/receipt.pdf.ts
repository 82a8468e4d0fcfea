import { readFileSync } from 'node:fs';
import { A4, PdfFont, PdfPage, PdfRule, PdfTextRun, writePdf } from './pdf/pdf-writer';
import { readTrueType } from './pdf/ttf-reader';
import { channelLabel, formatVietnamTime, RECEIPT_TEXT as T, ReceiptData } from './receipt-data';

/** Debian's DejaVu Sans (package fonts-dejavu-core): Latin with every Vietnamese letter. */
export const DEFAULT_RECEIPT_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const MARGIN = 56;
const BODY = 11;
const LINE = 16;

let cachedFontFile: { path: string; bytes: Buffer } | undefined;

function fontFile(path: string): Buffer {
  if (cachedFontFile?.path !== path) cachedFontFile = { path, bytes: readFileSync(path) };
  return cachedFontFile.bytes;
}

/** Splits `text` into lines no wider than `width` at `size`, breaking between words (or inside a too-long word). */
export function wrapText(font: PdfFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.measure(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    let rest = word;
    while (font.measure(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.measure(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * The receipt and appointment slip as a PDF (A4, DejaVu Sans embedded, text extractable).
 * Pure apart from reading the font file once.
 */
export function renderReceiptPdf(data: ReceiptData, fontPath = DEFAULT_RECEIPT_FONT): Buffer {
  const bytes = fontFile(fontPath);
  const font = new PdfFont(readTrueType(bytes), bytes);
  const pages: { texts: PdfTextRun[]; rules: PdfRule[] }[] = [{ texts: [], rules: [] }];
  let page = pages[0];
  let y = A4.height - MARGIN;
  const width = A4.width - 2 * MARGIN;
  const newLine = (height: number) => {
    y -= height;
    if (y < MARGIN) {
      page = { texts: [], rules: [] };
      pages.push(page);
      y = A4.height - MARGIN - height;
    }
  };
  const centered = (text: string, size: number) => {
    page.texts.push({ x: (A4.width - font.measure(text, size)) / 2, y, size, text });
  };
  const labelled = (label: string, value: string) => {
    const head = `${label}: `;
    const indent = Math.min(font.measure(head, BODY), width / 2);
    const lines = wrapText(font, value, BODY, width - indent);
    page.texts.push({ x: MARGIN, y, size: BODY, text: head });
    lines.forEach((line, i) => {
      if (i > 0) newLine(LINE);
      page.texts.push({ x: MARGIN + indent, y, size: BODY, text: line });
    });
    newLine(LINE);
  };

  page.texts.push({ x: A4.width - MARGIN - font.measure(T.form, 9), y, size: 9, text: T.form });
  newLine(LINE * 1.5);
  centered(T.nation, 12);
  newLine(LINE);
  centered(T.motto, 12);
  const mottoWidth = font.measure(T.motto, 12);
  page.rules.push({ x1: (A4.width - mottoWidth) / 2, y1: y - 4, x2: (A4.width + mottoWidth) / 2, y2: y - 4 });
  newLine(LINE * 2.5);
  for (const line of wrapText(font, T.title, 14, width)) {
    centered(line, 14);
    newLine(LINE * 1.3);
  }
  newLine(LINE);
  labelled(T.code, data.dossierCode ?? T.noCode);
  labelled(T.agency, data.agency);
  labelled(T.applicant, data.applicantName);
  labelled(T.procedure, data.procedure);
  labelled(T.channel, channelLabel(data.channel));
  labelled(T.receivedAt, formatVietnamTime(data.receivedAt));
  labelled(T.appointmentAt, data.appointmentAt ? formatVietnamTime(data.appointmentAt) : T.noAppointment);
  newLine(LINE * 0.5);
  page.texts.push({ x: MARGIN, y, size: BODY, text: `${T.components}:` });
  newLine(LINE);
  data.components.forEach((component, i) => {
    const text = `${i + 1}. ${[component.code, component.name, component.note].filter(Boolean).join(' - ')}`;
    for (const line of wrapText(font, text, BODY, width - 16)) {
      page.texts.push({ x: MARGIN + 16, y, size: BODY, text: line });
      newLine(LINE);
    }
  });
  newLine(LINE);
  labelled(T.officer, data.officer ?? T.unknown);
  const result: PdfPage[] = pages;
  return writePdf(result, font, { title: T.title, producer: 'MotCua' });
}
