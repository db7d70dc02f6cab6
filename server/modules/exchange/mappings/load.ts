/** Reads a column mapping file (default: the national 12315 layout shipped beside this file). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../platform/tif/index.js';
import { parseMapping, type ExportMapping } from '../domain/mapping.js';

export const NATIONAL_MAPPING_FILE = fileURLToPath(new URL('./national-12315.json', import.meta.url));

export function loadMapping(file?: string): ExportMapping {
  const f = file ?? NATIONAL_MAPPING_FILE;
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(f, 'utf8'));
  } catch (e) {
    throw new InputError(`--mapping ${f}: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseMapping(v, `--mapping ${f}`);
}
