/**
 * Turning a registry row into a model: versions trained by `xiezhi train --data` carry their bytes; the shipped
 * default is registered as `builtin:LABEL` and read from models/ (so a release that updates it is picked up).
 */
import type { Db, Queryable } from '../../platform/db/index.js';
import { loadModel, modelFromBytes, type ClassifierModel } from '../text/index.js';
import { builtinModel, setActiveModel } from './enricher.js';
import { assistRepo } from './repository.js';

export function modelOfRow(r: { label: string; file: string; model?: Uint8Array | null }): ClassifierModel | null {
  if (r.model && r.model.byteLength) return modelFromBytes(r.model);
  if (r.file.startsWith('builtin:')) return builtinModel(r.file.slice('builtin:'.length));
  return loadModel(r.file);
}

/** The active version of a label as the database says (falls back to the shipped default, id `builtin:LABEL`). */
export async function activeVersion(
  q: Queryable,
  label: string,
): Promise<{ id: string; model: ClassifierModel } | null> {
  const row = (await assistRepo.activeModels(q)).find((r) => r.label === label);
  if (row) {
    const m = modelOfRow(row);
    if (m) return { id: row.id, model: m };
  }
  const b = builtinModel(label);
  return b ? { id: `builtin:${label}`, model: b } : null;
}

/** At start: the versions an admin switched on (stored in the database) replace the shipped defaults in memory. */
export async function loadActiveModels(db: Db): Promise<string[]> {
  const loaded: string[] = [];
  for (const r of await assistRepo.activeModels(db)) {
    try {
      const m = modelOfRow(r);
      if (m) {
        setActiveModel(r.label, m);
        loaded.push(r.id);
      }
    } catch (e) {
      // a broken or missing file must not stop the server: the label keeps the shipped default, and says why
      console.error(`model ${r.id}: ${(e as Error).message}; using the shipped default for ${r.label}`);
    }
  }
  return loaded;
}
