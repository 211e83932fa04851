// Crafted images for the evidence tests: a JPEG and a PNG that carry a GPS position and an
// author in their metadata, built segment by segment (the walker needs structure, not pixels).

const text = (value: string): number[] => [...Buffer.from(value, 'latin1')];

function segment(marker: number, body: readonly number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

// A TIFF header with one IFD entry pointing at a GPS IFD (tag 0x8825), then the GPS IFD with a
// latitude reference (tag 1, 'N'): enough for a reader to find a GPS tag.
const EXIF_WITH_GPS = [
  ...text('Exif\u0000\u0000MM\u0000\u002a'),
  ...[0, 0, 0, 8, 0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0],
  ...[0, 1, 0, 1, 0, 2, 0, 0, 0, 2, 0x4e, 0, 0, 0, 0, 0, 0, 0],
];

/** The Exif header bytes that must never appear in a stripped copy. */
export const EXIF_HEADER = Buffer.from('Exif\u0000\u0000', 'latin1');

/** A JPEG with JFIF, Exif (GPS), XMP, ICC, IPTC, a comment, a scan, EOI and a trailer. */
export function jpegWithGps(): Buffer {
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, text('JFIF\u0000\u0001\u0002\u0000\u0000\u0001\u0000\u0001\u0000\u0000')),
    ...segment(0xe1, EXIF_WITH_GPS),
    ...segment(
      0xe1,
      text('http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta>Creator: A. Witness</x:xmpmeta>'),
    ),
    ...segment(0xe2, text('ICC_PROFILE\u0000\u0001\u0001camera-serial-1234')),
    ...segment(0xed, text('Photoshop 3.0\u00008BIM byline')),
    ...segment(0xfe, text('taken near the school by A. Witness')),
    ...segment(0xee, text('Adobe\u0000\u0064\u0000\u0000\u0000\u0000\u0001')),
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, (_, i) => i + 1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0, 1, ...Array.from({ length: 16 }, () => 0), 0]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...[0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78],
    0xff,
    0xd9,
    ...text('TRAILER Exif\u0000\u0000 serial'),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk with its CRC (ISO/IEC 15948 §5.3). */
export function pngChunk(type: string, data: readonly number[]): number[] {
  const body = Buffer.from([...text(type), ...data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return [...out];
}

/** The PNG file signature. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A 1×1 PNG with eXIf (GPS), tEXt, iTXt and zTXt chunks. */
export function pngWithGps(): Buffer {
  return Buffer.from([
    ...PNG_SIGNATURE,
    ...pngChunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
    ...pngChunk('eXIf', EXIF_WITH_GPS.slice(6)),
    ...pngChunk('tEXt', text('Author\u0000A. Witness')),
    ...pngChunk('iTXt', text('GPS\u0000\u0000\u0000\u0000\u000040.17N 44.50E')),
    ...pngChunk('zTXt', text('Comment\u0000\u0000xx')),
    ...pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01]),
    ...pngChunk('IEND', []),
  ]);
}
