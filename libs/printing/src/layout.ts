import { readFileSync } from 'node:fs';
import { A4, PdfFont, PdfInfo, PdfRule, PdfTextRun, writePdf } from './pdf-writer';
import { readTrueType } from './ttf-reader';

/** Debian's DejaVu Sans (package fonts-dejavu-core): Latin with every Vietnamese letter. */
export const DEFAULT_FONT_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

let cachedFontFile: { path: string; bytes: Buffer } | undefined;

/**
 * A fresh font for one document (a `PdfFont` remembers the glyphs its document used), read
 * from `path` once per process.
 */
export function loadPdfFont(path = DEFAULT_FONT_PATH): PdfFont {
  if (cachedFontFile?.path !== path) cachedFontFile = { path, bytes: readFileSync(path) };
  return new PdfFont(readTrueType(cachedFontFile.bytes), cachedFontFile.bytes);
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

export interface PdfFlowOptions {
  /** Page margin in points on every side. Default 56 (about 2 cm). */
  readonly margin?: number;
  /** Body text size. Default 11. */
  readonly body?: number;
  /** Body line height. Default 16. */
  readonly line?: number;
}

/**
 * Top-to-bottom layout of a printed form on A4 pages: text runs at the current line, which
 * moves down with `newLine` and onto a new page at the bottom margin. Pure.
 */
export class PdfFlow {
  readonly margin: number;
  readonly body: number;
  readonly line: number;
  /** The width between the margins. */
  readonly width: number;
  private readonly pages: { texts: PdfTextRun[]; rules: PdfRule[] }[] = [{ texts: [], rules: [] }];
  private page = this.pages[0];
  private y: number;

  constructor(
    readonly font: PdfFont,
    options: PdfFlowOptions = {},
  ) {
    this.margin = options.margin ?? 56;
    this.body = options.body ?? 11;
    this.line = options.line ?? 16;
    this.width = A4.width - 2 * this.margin;
    this.y = A4.height - this.margin;
  }

  newLine(height = this.line): void {
    this.y -= height;
    if (this.y < this.margin) {
      this.page = { texts: [], rules: [] };
      this.pages.push(this.page);
      this.y = A4.height - this.margin - height;
    }
  }

  /** `text` at `indent` points from the left margin, on the current line. */
  text(text: string, size = this.body, indent = 0): void {
    this.page.texts.push({ x: this.margin + indent, y: this.y, size, text });
  }

  rightAligned(text: string, size = this.body): void {
    this.page.texts.push({ x: A4.width - this.margin - this.font.measure(text, size), y: this.y, size, text });
  }

  centered(text: string, size = this.body): void {
    this.page.texts.push({ x: (A4.width - this.font.measure(text, size)) / 2, y: this.y, size, text });
  }

  /** Centred lines of `text` wrapped to the width, each followed by a line of `lineHeight`. */
  centeredWrapped(text: string, size: number, lineHeight: number): void {
    for (const line of wrapText(this.font, text, size, this.width)) {
      this.centered(line, size);
      this.newLine(lineHeight);
    }
  }

  /** A rule under centred `text` of `size`, `drop` points below the current line. */
  underlineCentered(text: string, size: number, drop = 4): void {
    const width = this.font.measure(text, size);
    this.page.rules.push({ x1: (A4.width - width) / 2, y1: this.y - drop, x2: (A4.width + width) / 2, y2: this.y - drop });
  }

  /** The national heading: the country's name, then its motto underlined, centred. */
  nationalHeading(nation: string, motto: string, size = 12): void {
    this.centered(nation, size);
    this.newLine();
    this.centered(motto, size);
    this.underlineCentered(motto, size);
  }

  /** The top of an administrative form: its number at the right, the national heading, the title; then a new line. */
  formHeading(heading: { form: string; nation: string; motto: string; title: string }): void {
    this.rightAligned(heading.form, 9);
    this.newLine(this.line * 1.5);
    this.nationalHeading(heading.nation, heading.motto);
    this.newLine(this.line * 2.5);
    this.centeredWrapped(heading.title, 14, this.line * 1.3);
    this.newLine();
  }

  /** "Label: value", the value wrapped under itself; then a new line. */
  labelled(label: string, value: string): void {
    const head = `${label}: `;
    const indent = Math.min(this.font.measure(head, this.body), this.width / 2);
    const lines = wrapText(this.font, value, this.body, this.width - indent);
    this.text(head);
    lines.forEach((line, i) => {
      if (i > 0) this.newLine();
      this.text(line, this.body, indent);
    });
    this.newLine();
  }

  /** Body text wrapped to the width less `indent`, a new line after each line. */
  paragraph(text: string, indent = 0): void {
    for (const line of wrapText(this.font, text, this.body, this.width - indent)) {
      this.text(line, this.body, indent);
      this.newLine();
    }
  }

  /** The document's bytes. */
  toPdf(info: PdfInfo): Buffer {
    return writePdf(this.pages, this.font, info);
  }
}
