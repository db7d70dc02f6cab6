/**
 * The business finder's data: lexicon sectors (data/businesses/*.json), the bureau's respondent registry (from the
 * database), and the pre-fill span tagger (data/prefill-tagger.json.gz, or a file trained with
 * `xiezhi train --task prefill`). Everything is loaded once and cached; `useRegistry` rebuilds the one automaton.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../platform/tif/index.js';
import type { Queryable } from '../../platform/db/index.js';
import {
  buildBusinessMatcher,
  type BusinessMatcher,
  type RegistryName,
  type SectorData,
} from './domain/prefill/business.js';
import { TAGGER_FORMAT, type TaggerModel } from './domain/prefill/tagger.js';
import { textRepo } from './repository.js';

const DATA = fileURLToPath(new URL('./data/', import.meta.url));
let sectors: SectorData[] | undefined;
let matcher: BusinessMatcher | undefined;
let registry: RegistryName[] = [];
let tagger: TaggerModel | null | undefined;

/** The lexicon sectors, in file-name order (so a name listed twice always resolves the same way). */
export function loadSectors(dir = DATA + 'businesses/'): SectorData[] {
  if (sectors && dir === DATA + 'businesses/') return sectors;
  const out = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as SectorData);
  if (dir === DATA + 'businesses/') sectors = out;
  return out;
}

/** The matcher pre-fill uses: all lexicons plus the registry given to `useRegistry` (none until then). */
export function businessMatcher(): BusinessMatcher {
  return (matcher ??= buildBusinessMatcher(loadSectors(), registry));
}

/** Replace the respondent registry (names of businesses in the bureau's tickets) and rebuild the automaton. */
export function useRegistry(names: RegistryName[]): BusinessMatcher {
  registry = names;
  matcher = buildBusinessMatcher(loadSectors(), registry);
  return matcher;
}

/** Loads the registry from the database (distinct respondent names of stored tickets) and puts it to use. */
export async function loadRegistry(q: Queryable, limit?: number): Promise<number> {
  const names = await textRepo.respondentNames(q, limit);
  useRegistry(names);
  return names.length;
}

let registryLoadedAt = 0;
let registryLoading: Promise<number> | undefined;

/** The registry, loaded from the database at most every `maxAgeMs` (default 10 minutes); for request handlers. A
 * failure keeps the previous registry: pre-fill still works from the lexicons. */
export async function ensureRegistry(q: Queryable, maxAgeMs = 600_000): Promise<void> {
  if (Date.now() - registryLoadedAt < maxAgeMs) return;
  registryLoading ??= loadRegistry(q).finally(() => {
    registryLoadedAt = Date.now();
    registryLoading = undefined;
  });
  try {
    await registryLoading;
  } catch {
    // the lexicons remain; the next request tries again after maxAgeMs
  }
}

// ---------- tagger model files ----------

export function serializeTagger(m: TaggerModel): Buffer {
  const idx: number[] = [];
  let max = 0;
  for (let k = 0; k < m.w.length; k++) {
    const v = m.w[k]!;
    if (Math.abs(v) > 1e-3) {
      idx.push(k);
      if (Math.abs(v) > max) max = Math.abs(v);
    }
  }
  const scale = max / 127 || 1;
  const q = Int8Array.from(idx, (k) => Math.round(m.w[k]! / scale));
  // delta-coded indices: small integers compress well
  const d = Int32Array.from(idx, (k, i) => (i ? k - idx[i - 1]! : k));
  const json = JSON.stringify({
    format: m.format,
    bits: m.bits,
    trained_on: m.trained_on,
    created_at: m.created_at,
    metrics: m.metrics,
    n: m.w.length,
    scale,
    index: Buffer.from(d.buffer).toString('base64'),
    wq: Buffer.from(q.buffer).toString('base64'),
  });
  return gzipSync(json);
}

export function deserializeTagger(buf: Buffer): TaggerModel {
  let o: {
    format?: string;
    bits: number;
    n: number;
    scale: number;
    index: string;
    wq: string;
    trained_on: Record<string, number>;
    created_at: string;
    metrics?: Record<string, unknown>;
  };
  try {
    o = JSON.parse((buf[0] === 0x1f ? gunzipSync(buf) : buf).toString('utf8'));
  } catch {
    throw new InputError('not a pre-fill tagger model file (unreadable)');
  }
  if (o.format !== TAGGER_FORMAT)
    throw new InputError(`not a pre-fill tagger model (format ${String(o.format)}, want ${TAGGER_FORMAT})`);
  const ib = Buffer.from(o.index, 'base64');
  const d = new Int32Array(ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength));
  const qb = Buffer.from(o.wq, 'base64');
  const q = new Int8Array(qb.buffer.slice(qb.byteOffset, qb.byteOffset + qb.byteLength));
  const w = new Float32Array(o.n);
  let k = 0;
  for (let i = 0; i < d.length; i++) {
    k = i ? k + d[i]! : d[i]!;
    w[k] = q[i]! * o.scale;
  }
  return {
    format: TAGGER_FORMAT,
    bits: o.bits,
    w,
    trained_on: o.trained_on,
    created_at: o.created_at,
    metrics: o.metrics,
  };
}

export function saveTagger(m: TaggerModel, file: string): void {
  writeFileSync(file, serializeTagger(m));
}

export function loadTaggerFile(file: string): TaggerModel {
  if (!existsSync(file)) throw new InputError(`model file not found: ${file}`);
  return deserializeTagger(readFileSync(file));
}

export const DEFAULT_TAGGER_FILE = DATA + 'prefill-tagger.json.gz';

/** The shipped tagger (null when the file is absent: pre-fill then uses names, forms and labels only). */
export function defaultTagger(): TaggerModel | null {
  if (tagger === undefined) tagger = existsSync(DEFAULT_TAGGER_FILE) ? loadTaggerFile(DEFAULT_TAGGER_FILE) : null;
  return tagger;
}

/** Use another tagger model for pre-fill in this process (null: none). */
export function useTagger(m: TaggerModel | null): void {
  tagger = m;
}
