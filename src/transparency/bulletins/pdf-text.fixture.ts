// Test support: the text of a PDF written by pdfkit with an embedded TrueType font, read back
// the way a PDF reader does — inflate the streams, build the glyph → Unicode map from the font's
// ToUnicode CMap, then decode the hex strings of the pages' text operators. Enough for the PDFs
// this slice writes (one font, Identity-H encoding); not a general PDF parser.
import { inflateSync } from 'node:zlib';

// A stream is read by the /Length of its dictionary, not up to the next "endstream": compressed
// data may end in a byte 0x0D or hold those letters, and a match would then cut it short.
function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of text.matchAll(/\/Length (\d+)\b[^>]*>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const raw = pdf.subarray(start, start + Number(match[1]));
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      // An uncompressed stream (or a font program that is not text): kept as it is.
      streams.push(raw.toString('latin1'));
    }
  }
  return streams;
}

function unicodeMap(cmaps: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature's glyph maps to several characters, written `<0066 0066>` ("ff"): UTF-16 units.
  const hexChar = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-f]{4}/gi) ?? []).map((u) => Number.parseInt(u, 16)));
  for (const cmap of cmaps) {
    for (const range of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const start = Number.parseInt(range[1] ?? '', 16);
      const targets = [...(range[3] ?? '').matchAll(/<([0-9a-f ]+)>/gi)].map((t) => t[1] ?? '');
      targets.forEach((target, offset) => map.set(start + offset, hexChar(target)));
    }
  }
  return map;
}

/** The pages' text of `pdf`, one line per text operator. */
export function pdfText(pdf: Buffer): string {
  const streams = streamsOf(pdf);
  const map = unicodeMap(streams.filter((s) => s.includes('beginbfrange')));
  const lines: string[] = [];
  for (const stream of streams.filter((s) => /\bT[Jj]\b/.test(s))) {
    for (const operator of stream.matchAll(/(\[[^\]]*\]|<[0-9a-f]*>)\s*T[Jj]/gi)) {
      const hexes = [...(operator[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] ?? '');
      const codes = hexes.join('').match(/.{4}/g) ?? [];
      lines.push(codes.map((code) => map.get(Number.parseInt(code, 16)) ?? '�').join(''));
    }
  }
  return lines.join('\n');
}

/** The number of pages of `pdf`. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
