/** Argument parsing for CLI commands: node's parseArgs, with its errors turned into one-line user errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../tif/read.js';

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(`${(e as Error).message.split('\n')[0]}\nusage: ${usage}`);
  }
}

export function requireOpt(
  v: string | boolean | undefined | (string | boolean)[],
  name: string,
  usage: string,
): string {
  if (typeof v !== 'string' || v === '') throw new InputError(`missing --${name}\nusage: ${usage}`);
  return v;
}

export function intOpt(v: unknown, name: string, dflt?: number): number {
  if (v === undefined) {
    if (dflt === undefined) throw new InputError(`missing --${name}`);
    return dflt;
  }
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new InputError(`--${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
  return n;
}
