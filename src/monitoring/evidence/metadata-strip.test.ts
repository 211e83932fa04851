import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  EXIF_HEADER,
  jpegWithGps,
  PNG_SIGNATURE,
  pngChunk,
  pngWithGps,
} from './evidence-images.fixture.ts';
import { stripMetadata } from './metadata-strip.ts';

const has = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

describe('stripping metadata from a working copy', () => {
  it('drops Exif, XMP, ICC, IPTC, comments and trailers from a JPEG, keeps JFIF, Adobe and the scan', () => {
    const result = stripMetadata(jpegWithGps());
    assert.ok(result.ok);
    assert.equal(result.format, 'jpeg');
    assert.deepEqual(result.removed, ['APP1', 'APP1', 'APP2', 'APP13', 'COM']);
    const copy = Buffer.from(result.bytes);
    assert.equal(copy.includes(EXIF_HEADER), false);
    for (const gone of ['Witness', 'xmpmeta', 'camera-serial', '8BIM', 'TRAILER']) {
      assert.equal(has(copy, gone), false, gone);
    }
    assert.ok(has(copy, 'JFIF') && has(copy, 'Adobe'));
    assert.ok(
      copy.includes(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78, 0xff, 0xd9])),
    );
    assert.deepEqual([...copy.subarray(-2)], [0xff, 0xd9]);
  });

  it('drops eXIf and text chunks from a PNG and keeps the image chunks', () => {
    const result = stripMetadata(pngWithGps());
    assert.ok(result.ok);
    assert.deepEqual(result.removed, ['eXIf', 'tEXt', 'iTXt', 'zTXt']);
    for (const gone of ['eXIf', 'tEXt', 'Witness', '40.17N'])
      assert.equal(has(result.bytes, gone), false);
    assert.ok(has(result.bytes, 'IHDR') && has(result.bytes, 'IDAT') && has(result.bytes, 'IEND'));
  });

  it('refuses other formats and truncated or malformed images', () => {
    assert.deepEqual(stripMetadata(Buffer.from('%PDF-1.7')), {
      ok: false,
      reason: 'unsupported_format',
    });
    const jpeg = jpegWithGps();
    assert.deepEqual(stripMetadata(jpeg.subarray(0, 30)), { ok: false, reason: 'malformed' });
    assert.deepEqual(stripMetadata(Buffer.from([0xff, 0xd8, 0x00])), {
      ok: false,
      reason: 'malformed',
    });
    assert.deepEqual(stripMetadata(Buffer.from([0xff, 0xd8, 0xff])), {
      ok: false,
      reason: 'malformed',
    });
    assert.deepEqual(stripMetadata(pngWithGps().subarray(0, 40)), {
      ok: false,
      reason: 'malformed',
    });
    const badType = Buffer.from([...PNG_SIGNATURE, ...pngChunk('I D!', [])]);
    assert.deepEqual(stripMetadata(badType), { ok: false, reason: 'malformed' });
  });

  it('never throws on random bytes, with or without an image signature', () => {
    const prefix = fc.constantFrom([], [0xff, 0xd8], PNG_SIGNATURE, [0xff, 0xd8, 0xff, 0xe1]);
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 300 }), (head, tail) => {
        const result = stripMetadata(new Uint8Array([...head, ...tail]));
        assert.ok(typeof result.ok === 'boolean');
      }),
      { numRuns: 3000 },
    );
  });

  const noExif = fc
    .uint8Array({ maxLength: 40 })
    .filter(
      (bytes) =>
        !Buffer.from(bytes).includes(EXIF_HEADER) &&
        !Buffer.from(bytes).includes(Buffer.from('Exif')),
    );
  const jpegSegment = fc.oneof(
    noExif.map((body) => ({ marker: 0xe1, body: [...EXIF_HEADER, ...body] })),
    fc.record({
      marker: fc
        .integer({ min: 0xc0, max: 0xfe })
        .filter((m) => m !== 0xd9 && m !== 0xda && !(m >= 0xd0 && m <= 0xd8)),
      body: noExif.map((b) => [...b]),
    }),
  );

  it('never leaves an Exif header in a JPEG made of random segments', () => {
    fc.assert(
      fc.property(fc.array(jpegSegment, { maxLength: 8 }), (segments) => {
        const bytes = [0xff, 0xd8];
        for (const { marker, body } of segments)
          bytes.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
        bytes.push(0xff, 0xd9);
        const result = stripMetadata(new Uint8Array(bytes));
        assert.ok(result.ok);
        assert.equal(Buffer.from(result.bytes).includes(EXIF_HEADER), false);
        assert.equal(Buffer.from(result.bytes).includes(Buffer.from('Exif')), false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never leaves an eXIf or text chunk in a PNG made of random chunks', () => {
    const type = fc.constantFrom('eXIf', 'tEXt', 'iTXt', 'zTXt', 'IDAT', 'PLTE', 'gAMA');
    fc.assert(
      fc.property(fc.array(fc.tuple(type, noExif), { maxLength: 8 }), (chunks) => {
        const bytes = [...PNG_SIGNATURE, ...pngChunk('IHDR', [0, 0, 0, 1])];
        for (const [name, data] of chunks) bytes.push(...pngChunk(name, [...data]));
        bytes.push(...pngChunk('IEND', []));
        const result = stripMetadata(new Uint8Array(bytes));
        assert.ok(result.ok);
        for (const name of ['eXIf', 'tEXt', 'iTXt', 'zTXt'])
          assert.equal(has(result.bytes, name), false);
      }),
      { numRuns: 1000 },
    );
  });
});
