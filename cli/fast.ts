/**
 * Entry of the prebuilt bundle for the commands whose speed is a bar (`classify`: ≥ 15,000 lines/s end to end).
 * bin/bundle.js builds it with esbuild on first use and rebuilds it whenever one of its sources changes; every
 * other command, and any failure to build, goes through tsx as before (cli/main.ts). Same dispatch, so usage, errors
 * and exit codes are identical.
 */
import * as classify from './commands/classify.js';
import { dispatch, type CommandModule } from './dispatch.js';

const HOT: Record<string, CommandModule> = { classify };

export const FAST_COMMANDS = Object.keys(HOT);

export function main(argv: string[]): Promise<number> {
  return dispatch(argv, async (file) => {
    const mod = HOT[file];
    if (!mod) throw new Error(`${file} is not in the prebuilt bundle`);
    return mod;
  });
}
