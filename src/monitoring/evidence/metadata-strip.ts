// Strips identifying metadata from a copy of an image, so that a working copy can be shared
// without the camera's GPS position, serial number, owner name or editing history. Pure: bytes
// in, bytes out, never throws (the input is an uploaded file: attacker-controlled).
//
// JPEG (ITU-T T.81 Annex B): the file is a sequence of marker segments; APPn (FFE0–FFEF) and COM
// (FFFE) carry metadata. Kept: APP0 JFIF/JFXX (pixel density, thumbnail format) and APP14 Adobe
// (colour transform), which decoders need to show the colours right. Dropped: every other APPn
// (APP1 Exif and XMP, APP2 ICC and FlashPix, APP13 Photoshop IPTC, …), COM, and anything after
// EOI (maker trailers). Entropy-coded data after SOS is copied through to the next marker.
//
// PNG (ISO/IEC 15948 §5): a signature, then length ‖ type ‖ data ‖ CRC chunks up to IEND.
// Dropped: eXIf, tEXt, iTXt and zTXt; anything after IEND. Other chunks are copied verbatim.

/** What a strip did: the copy and the names of what it removed, or why it could not. */
export type StripResult =
  | { ok: true; format: 'jpeg' | 'png'; bytes: Uint8Array; removed: string[] }
  | { ok: false; reason: 'unsupported_format' | 'malformed' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** Concatenates kept byte ranges into one array. */
function joinRanges(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  const total = ranges.reduce((sum, [from, to]) => sum + (to - from), 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const [from, to] of ranges) {
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  }
  return out;
}

// Markers that stand alone, without a length: TEM, RST0–7, SOI, EOI.
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
}

/** Why an APPn or COM segment is kept or dropped; undefined means any other segment (kept). */
function jpegMetadataName(bytes: Uint8Array, marker: number, body: number): string | undefined {
  if (marker === 0xfe) return 'COM';
  if (marker < 0xe0 || marker > 0xef) return undefined;
  const id = ascii(bytes, body, body + 5);
  if (marker === 0xe0 && (id === 'JFIF\u0000' || id === 'JFXX\u0000')) return undefined;
  if (marker === 0xee && id === 'Adobe') return undefined;
  // The marker only: a segment's own bytes may name people and must not reach the custody log.
  return `APP${String(marker - 0xe0)}`;
}

// The offset of the next marker after entropy-coded data starting at `at`: an FF followed by
// neither 00 (a stuffed FF), nor an RSTn, nor another FF (fill); or bytes.length.
function skipEntropyData(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i + 1 < bytes.length) {
    const next = bytes[i + 1] ?? 0;
    if (bytes[i] === 0xff && next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) {
      return i;
    }
    i++;
  }
  return bytes.length;
}

/** Strips a JPEG; see the file comment. */
export function stripJpeg(bytes: Uint8Array): StripResult {
  if (!startsWith(bytes, [0xff, 0xd8])) return { ok: false, reason: 'unsupported_format' };
  const kept: [number, number][] = [[0, 2]];
  const removed: string[] = [];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, reason: 'malformed' };
    while (bytes[at + 1] === 0xff) at++; // fill bytes before a marker
    const marker = bytes[at + 1];
    if (marker === undefined) return { ok: false, reason: 'malformed' };
    if (marker === 0xd9) {
      kept.push([at, at + 2]);
      return { ok: true, format: 'jpeg', bytes: joinRanges(bytes, kept), removed };
    }
    if (isStandalone(marker)) {
      kept.push([at, at + 2]);
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return { ok: false, reason: 'malformed' };
    const name = jpegMetadataName(bytes, marker, at + 4);
    if (name === undefined) kept.push([at, end]);
    else removed.push(name);
    at = end;
    if (marker === 0xda) {
      const next = skipEntropyData(bytes, at);
      kept.push([at, next]);
      at = next;
    }
  }
  // No EOI: a truncated image; refuse rather than guess where it should have ended.
  return { ok: false, reason: 'malformed' };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] ?? 0) * 0x1000000 +
    (((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0))
  );
}

/** Strips a PNG; see the file comment. */
export function stripPng(bytes: Uint8Array): StripResult {
  if (!startsWith(bytes, PNG_SIGNATURE)) return { ok: false, reason: 'unsupported_format' };
  const kept: [number, number][] = [[0, PNG_SIGNATURE.length]];
  const removed: string[] = [];
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at);
    const type = ascii(bytes, at + 4, at + 8);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) {
      return { ok: false, reason: 'malformed' };
    }
    if (PNG_DROPPED.has(type)) removed.push(type);
    else kept.push([at, end]);
    at = end;
    if (type === 'IEND')
      return { ok: true, format: 'png', bytes: joinRanges(bytes, kept), removed };
  }
  return { ok: false, reason: 'malformed' };
}

/**
 * Strips metadata from a JPEG or PNG (recognised by its bytes, not by its declared type).
 *
 * @example const copy = stripMetadata(original); if (copy.ok) share(copy.bytes)
 */
export function stripMetadata(bytes: Uint8Array): StripResult {
  if (startsWith(bytes, [0xff, 0xd8])) return stripJpeg(bytes);
  if (startsWith(bytes, PNG_SIGNATURE)) return stripPng(bytes);
  return { ok: false, reason: 'unsupported_format' };
}
