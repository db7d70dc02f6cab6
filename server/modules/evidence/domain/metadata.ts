/**
 * Reads the metadata an image carries without decoding pixels: PNG text chunks (tEXt, zTXt, iTXt), PNG eXIf and
 * caBX (C2PA) chunks, and JPEG APPn segments (APP1 EXIF and XMP, APP11 JUMBF/C2PA, APP13 Photoshop/IPTC, COM).
 * The AIGC implicit label of 《人工智能生成合成内容标识办法》/GB 45438-2025 lives in such text (XMP or a text chunk).
 */
import { inflateSync } from 'node:zlib';
import { formatOf } from './phash.js';

export interface MetaText {
  where: string;
  key: string;
  value: string;
}
export interface ImageMeta {
  format: 'png' | 'jpeg' | 'unknown';
  texts: MetaText[];
  /** TIFF-structured EXIF blocks (from JPEG APP1 "Exif\0\0" or PNG eXIf) */
  exif: Buffer[];
  /** JUMBF boxes seen (C2PA manifests are JUMBF superboxes labelled "c2pa") */
  jumbf: { where: string; labels: string[] }[];
}

const latin1 = (b: Buffer): string => b.toString('latin1');
const utf8 = (b: Buffer): string => b.toString('utf8');

function inflate(b: Buffer): Buffer | null {
  try {
    return inflateSync(b, { maxOutputLength: 8 * 1024 * 1024 });
  } catch {
    return null;
  }
}

export function readMeta(buf: Buffer): ImageMeta {
  const format = formatOf(buf);
  const meta: ImageMeta = { format, texts: [], exif: [], jumbf: [] };
  if (format === 'png') readPng(buf, meta);
  else if (format === 'jpeg') readJpeg(buf, meta);
  return meta;
}

function readPng(buf: Buffer, meta: ImageMeta): void {
  let off = 8;
  while (off + 12 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, Math.min(buf.length, off + 8 + len));
    off += 12 + len;
    if (type === 'tEXt') {
      const z = data.indexOf(0);
      if (z > 0)
        meta.texts.push({ where: 'PNG tEXt', key: latin1(data.subarray(0, z)), value: latin1(data.subarray(z + 1)) });
    } else if (type === 'zTXt') {
      const z = data.indexOf(0);
      const body = z > 0 ? inflate(data.subarray(z + 2)) : null;
      if (body) meta.texts.push({ where: 'PNG zTXt', key: latin1(data.subarray(0, z)), value: latin1(body) });
    } else if (type === 'iTXt') {
      const z = data.indexOf(0);
      if (z <= 0) continue;
      const compressed = data[z + 1] === 1;
      const langEnd = data.indexOf(0, z + 3);
      const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
      if (transEnd < 0) continue;
      const raw = data.subarray(transEnd + 1);
      const body = compressed ? inflate(raw) : raw;
      if (body) meta.texts.push({ where: 'PNG iTXt', key: latin1(data.subarray(0, z)), value: utf8(body) });
    } else if (type === 'eXIf') {
      meta.exif.push(Buffer.from(data));
    } else if (type === 'caBX') {
      meta.jumbf.push({ where: 'PNG caBX', labels: jumbfLabels(data) });
    } else if (type === 'IEND') {
      break;
    }
  }
}

function readJpeg(buf: Buffer, meta: ImageMeta): void {
  let off = 2;
  const app11: Buffer[] = [];
  while (off + 4 <= buf.length) {
    if (buf[off] !== 0xff) break;
    const marker = buf[off + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      off += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan: metadata is before it
    const len = buf.readUInt16BE(off + 2);
    const data = buf.subarray(off + 4, Math.min(buf.length, off + 2 + len));
    off += 2 + len;
    if (marker === 0xe1) {
      if (latin1(data.subarray(0, 6)) === 'Exif\0\0') meta.exif.push(Buffer.from(data.subarray(6)));
      else {
        const z = data.indexOf(0);
        const ns = z > 0 ? latin1(data.subarray(0, z)) : '';
        if (ns.startsWith('http://ns.adobe.com/xap/1.0/') || ns.startsWith('http://ns.adobe.com/xmp/extension/')) {
          meta.texts.push({ where: 'JPEG XMP', key: 'XMP', value: utf8(data.subarray(z + 1)) });
        }
      }
    } else if (marker === 0xeb) {
      app11.push(Buffer.from(data));
    } else if (marker === 0xed) {
      meta.texts.push({ where: 'JPEG APP13 (IPTC)', key: 'IPTC', value: utf8(data) });
    } else if (marker === 0xfe) {
      meta.texts.push({ where: 'JPEG COM', key: 'Comment', value: utf8(data) });
    }
  }
  // APP11 JUMBF: "JP" common identifier, 2-byte instance, 4-byte sequence, then the box (split over segments)
  if (app11.length) {
    const parts = app11
      .filter((d) => d[0] === 0x4a && d[1] === 0x50)
      .map((d, i) => (i === 0 ? d.subarray(8) : d.subarray(8 + 8)));
    const box = Buffer.concat(parts.length ? parts : app11);
    meta.jumbf.push({ where: 'JPEG APP11', labels: jumbfLabels(box) });
  }
}

/** Labels of JUMBF description boxes ("jumd": 16-byte type UUID, toggles byte, then a NUL-terminated label). */
export function jumbfLabels(b: Buffer): string[] {
  const out: string[] = [];
  let i = b.indexOf('jumd', 0, 'latin1');
  while (i >= 0 && out.length < 64) {
    const start = i + 4 + 16 + 1;
    const end = b.indexOf(0, start);
    if (end > start && end - start < 128) out.push(latin1(b.subarray(start, end)));
    i = b.indexOf('jumd', i + 4, 'latin1');
  }
  return out;
}
