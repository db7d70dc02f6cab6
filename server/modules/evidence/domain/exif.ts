/**
 * Minimal EXIF (TIFF) reader: the few tags the checks need — Make, Model, Software, DateTime, DateTimeOriginal,
 * DateTimeDigitized, ImageDescription, Artist. ASCII values only; anything malformed is skipped, never thrown.
 */
export interface ExifTags {
  make?: string;
  model?: string;
  software?: string;
  artist?: string;
  description?: string;
  dateTime?: string;
  dateTimeOriginal?: string;
  dateTimeDigitized?: string;
}

const TAGS: Record<number, keyof ExifTags> = {
  0x010f: 'make',
  0x0110: 'model',
  0x0131: 'software',
  0x013b: 'artist',
  0x010e: 'description',
  0x0132: 'dateTime',
  0x9003: 'dateTimeOriginal',
  0x9004: 'dateTimeDigitized',
};

export function readExif(tiff: Buffer): ExifTags {
  const out: ExifTags = {};
  if (tiff.length < 8) return out;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  if (!le && tiff.toString('latin1', 0, 2) !== 'MM') return out;
  const u16 = (o: number): number => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number): number => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const seen = new Set<number>();
  const walk = (ifd: number): void => {
    if (ifd <= 0 || ifd + 2 > tiff.length || seen.has(ifd)) return;
    seen.add(ifd);
    const n = u16(ifd);
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > tiff.length) return;
      const tag = u16(e),
        type = u16(e + 2),
        count = u32(e + 4);
      if (tag === 0x8769) {
        walk(u32(e + 8));
        continue;
      }
      const name = TAGS[tag];
      if (!name || type !== 2 || count === 0) continue;
      const at = count <= 4 ? e + 8 : u32(e + 8);
      if (at + count > tiff.length) continue;
      out[name] = tiff
        .toString('utf8', at, at + count)
        .replace(/\0+$/, '')
        .trim();
    }
  };
  walk(u32(4));
  return out;
}

/** "2025:03:04 10:11:12" (EXIF) → "2025-03-04T10:11:12"; null when not a date. */
export function exifDateToIso(s: string | undefined): string | null {
  const m = s && /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (!m || m[1] === '0000') return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}
