import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkImage, findReuse, reuseFlags, riskEvidence } from './checks.js';
import { hamming, hashImage } from './phash.js';

// ---- small images made in the test: a "photo" (shapes on a gradient) and variants of it
function picture(w: number, h: number, seed: number, shift = 0): Buffer {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const u = x / w,
        v = y / h;
      // odd seeds: horizontal gradient; even seeds: vertical gradient with stripes (a different scene)
      let val =
        seed % 2 ? 60 + 120 * u + 40 * Math.sin(6 * v + seed) : 200 - 150 * v + 30 * Math.sign(Math.sin(20 * u));
      if ((u - 0.3 - 0.1 * seed) ** 2 + (v - 0.5) ** 2 < 0.04) val = 230;
      if (u > 0.6 && u < 0.8 && v > 0.2 + 0.05 * seed && v < 0.7) val = 20;
      const i = (y * w + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = Math.max(0, Math.min(255, val + shift));
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}
function toJpeg(pngBuf: Buffer, quality = 80): Buffer {
  const p = PNG.sync.read(pngBuf);
  return jpeg.encode({ width: p.width, height: p.height, data: p.data }, quality).data;
}

const CRC = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(b: Buffer): number {
  let c = -1;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withChunks(png: Buffer, chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}
function segment(marker: number, data: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h[0] = 0xff;
  h[1] = marker;
  h.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([h, data]);
}
function withSegments(jpg: Buffer, segs: Buffer[]): Buffer {
  return Buffer.concat([jpg.subarray(0, 2), ...segs, jpg.subarray(2)]);
}
/** Little-endian TIFF with IFD0 {Software} → Exif IFD {DateTimeOriginal}. */
function exifTiff(software: string, dto: string): Buffer {
  const sw = Buffer.from(software + '\0', 'latin1'),
    dt = Buffer.from(dto + '\0', 'latin1');
  const b = Buffer.alloc(8 + 2 + 24 + 4 + 2 + 12 + 4 + sw.length + dt.length);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  const swAt = 8 + 2 + 24 + 4 + 2 + 12 + 4,
    dtAt = swAt + sw.length,
    exifIfd = 8 + 2 + 24 + 4;
  b.writeUInt16LE(2, 8);
  b.writeUInt16LE(0x0131, 10);
  b.writeUInt16LE(2, 12);
  b.writeUInt32LE(sw.length, 14);
  b.writeUInt32LE(swAt, 18);
  b.writeUInt16LE(0x8769, 22);
  b.writeUInt16LE(4, 24);
  b.writeUInt32LE(1, 26);
  b.writeUInt32LE(exifIfd, 30);
  b.writeUInt32LE(0, 34);
  b.writeUInt16LE(1, exifIfd);
  b.writeUInt16LE(0x9003, exifIfd + 2);
  b.writeUInt16LE(2, exifIfd + 4);
  b.writeUInt32LE(dt.length, exifIfd + 6);
  b.writeUInt32LE(dtAt, exifIfd + 10);
  b.writeUInt32LE(0, exifIfd + 14);
  sw.copy(b, swAt);
  dt.copy(b, dtAt);
  return b;
}
const codes = (r: { flags: { code: string }[] }): string[] => r.flags.map((f) => f.code).sort();

describe('perceptual hashes', () => {
  it('the same picture re-encoded, resized or brightened stays close; another picture is far', () => {
    const a = hashImage(picture(128, 96, 1));
    const jpg = hashImage(toJpeg(picture(128, 96, 1), 60));
    const big = hashImage(picture(256, 192, 1));
    const bright = hashImage(picture(128, 96, 1, 25));
    const other = hashImage(picture(128, 96, 4));
    for (const h of [jpg, big, bright]) {
      expect(hamming(a.dhash, h.dhash)).toBeLessThanOrEqual(6);
      expect(hamming(a.phash, h.phash)).toBeLessThanOrEqual(10);
    }
    expect(hamming(a.dhash, other.dhash)).toBeGreaterThan(12);
  });

  it('finds one image reused across different claims and people, not different images', () => {
    const items = [
      { ticket_id: 'T1', person: 'A', hashes: hashImage(picture(128, 96, 1)) },
      { ticket_id: 'T2', person: 'B', hashes: hashImage(toJpeg(picture(160, 120, 1), 70)) },
      { ticket_id: 'T3', person: 'C', hashes: hashImage(picture(128, 96, 4)) },
    ];
    const groups = findReuse(items);
    expect(groups.map((g) => g.tickets.sort())).toEqual([['T1', 'T2']]);
    expect(reuseFlags(groups).get('T1')![0]!.explanation).toMatch(/T2，涉及2名不同投诉人/);
    const lines = riskEvidence(new Map([...reuseFlags(groups), ['T9', checkImage(toJpeg(picture(64, 48, 1))).flags]]));
    expect([...lines.keys()].sort()).toEqual(['T1', 'T2']); // T9 only has an info note (no EXIF date)
    expect(lines.get('T1')![0]).toMatch(/^同一图片用于不同诉求：/);
  });
});

describe('AI-generation labels and capture dates', () => {
  const base = picture(64, 48, 2);
  it('a plain generated PNG has no flags', () => {
    expect(codes(checkImage(base))).toEqual([]);
  });

  it('reads the AIGC implicit label from a PNG iTXt chunk (XMP) and a generator from tEXt', () => {
    const label =
      '{"Label":"1","ContentProducer":"001191110108MA01KP2T0U00000","ProduceID":"img-7f3a","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}';
    const xmp = `<x:xmpmeta><rdf:Description xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/" TC260:AIGC='${label}'/></x:xmpmeta>`;
    const itxt = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
    const r = checkImage(
      withChunks(base, [
        chunk('iTXt', itxt),
        chunk('tEXt', Buffer.from('parameters\0a cracked cup, Steps: 30, Sampler: Euler a, CFG scale: 7', 'latin1')),
      ]),
    );
    expect(codes(r)).toEqual(['ai_generator', 'aigc_label']);
    expect(r.flags.find((f) => f.code === 'aigc_label')!.explanation).toMatch(
      /属于人工智能生成合成内容，生成服务提供者编码 001191110108MA01KP2T0U00000，内容编号 img-7f3a/,
    );
  });

  it('reads compressed zTXt chunks and the IPTC digital source type', () => {
    const z = Buffer.concat([
      Buffer.from('Description\0\0', 'latin1'),
      deflateSync(
        Buffer.from(
          'Iptc4xmpExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
        ),
      ),
    ]);
    expect(codes(checkImage(withChunks(base, [chunk('zTXt', z)])))).toEqual(['iptc_ai_source']);
  });

  it('finds a C2PA manifest in JPEG APP11 and in PNG caBX, plus XMP/EXIF in JPEG', () => {
    const jumd = Buffer.concat([
      Buffer.from('jumb', 'latin1'),
      Buffer.from('jumd', 'latin1'),
      Buffer.alloc(16),
      Buffer.from([3]),
      Buffer.from('c2pa\0', 'latin1'),
      Buffer.from('c2pa.actions digitalSourceType trainedAlgorithmicMedia', 'latin1'),
    ]);
    const app11 = Buffer.concat([Buffer.from('JP', 'latin1'), Buffer.from([0, 1, 0, 0, 0, 1]), jumd]);
    const jpg = withSegments(toJpeg(base), [
      segment(
        0xe1,
        Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff('Adobe Firefly', '2025:03:01 10:00:00')]),
      ),
      segment(0xeb, app11),
    ]);
    const r = checkImage(jpg, { purchaseDate: '2025-03-10', receivedAt: '2025-03-12T09:00:00+08:00' });
    expect(codes(r)).toEqual(['ai_generator', 'c2pa_ai_action', 'c2pa_manifest', 'captured_before_purchase']);
    expect(r.capturedAt).toBe('2025-03-01T10:00:00');
    expect(r.flags.find((f) => f.code === 'captured_before_purchase')!.explanation).toMatch(
      /早于投诉所称购买日期 2025-03-10/,
    );
    expect(codes(checkImage(withChunks(base, [chunk('caBX', jumd.subarray(0, 30))])))).toContain('c2pa_manifest');
  });

  it('a camera JPEG taken after purchase gets no attention flags; one without EXIF gets an info note', () => {
    const ok = withSegments(toJpeg(base), [
      segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff('HUAWEI P60', '2025:03:11 18:00:00')])),
    ]);
    expect(codes(checkImage(ok, { purchaseDate: '2025-03-10', receivedAt: '2025-03-12T09:00:00+08:00' }))).toEqual([]);
    const bare = checkImage(toJpeg(base));
    expect(bare.flags.map((f) => [f.code, f.severity])).toEqual([['no_capture_date', 'info']]);
    expect(codes(checkImage(Buffer.from('not an image')))).toEqual(['undecodable']);
  });
});
