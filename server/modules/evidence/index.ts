/**
 * Evidence module: checks on uploaded images — perceptual hashes to find one picture reused across claims, AIGC
 * implicit labels / IPTC / C2PA / generator names in metadata, and capture dates against the story. Flags only.
 */
export { hashImage, dHash, pHash, hamming, decodeGray, formatOf, type ImageHashes } from './domain/phash.js';
export { imageSize, refuseImage, DEFAULT_MAX_PIXELS, type ImageSize } from './domain/header.js';
export { ImagePool, ImageTimeout, imagePool, imageLimits, type ImageLimits } from './image-pool.js';
export { readMeta, jumbfLabels, type ImageMeta, type MetaText } from './domain/metadata.js';
export { readExif, exifDateToIso, type ExifTags } from './domain/exif.js';
export {
  checkImage,
  findReuse,
  reuseFlags,
  riskEvidence,
  findAigcLabel,
  FLAG_LABELS,
  type EvidenceFlag,
  type FlagCode,
  type ImageContext,
  type ImageReport,
  type ImageItem,
  type ReuseGroup,
} from './domain/checks.js';
