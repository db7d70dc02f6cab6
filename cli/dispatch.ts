/**
 * The `xiezhi` command table and dispatch: usage, errors and exit codes, the same whichever way a command module is
 * loaded (cli/main.ts through tsx; cli/fast.ts, the prebuilt bundle of the hot commands that bin/bundle.js builds).
 */
import { InputError } from '../server/platform/tif/index.js';

const COMMANDS: Record<string, { file: string; help: string }> = {
  serve: {
    file: 'serve',
    help: 'serve [--port N] [--data DIR] [--roles web,worker,scheduler]   start API + web UI, workers, sweeps',
  },
  demo: { file: 'demo', help: 'demo [--port N] [--data DIR] [--tickets N]   start with a simulated demo city loaded' },
  simulate: { file: 'simulate', help: 'simulate --tickets N --seed S --out FILE [--truth FILE]' },
  import: { file: 'import', help: 'import FILE... [--data DIR] [--map FILE]   TIF (.jsonl/.jsonl.gz), CSV or XLSX' },
  export: {
    file: 'export',
    help: 'export --data DIR --out FILE [--format tif|csv|xlsx] [--from DATE --to DATE] [--mapping FILE]   national 12315 exchange',
  },
  train: {
    file: 'train',
    help: 'train --label NAME --out MODEL FILE... | train --label NAME --out MODEL [--data DIR] (from the database) | train --task prefill --out MODEL FILE...',
  },
  evaluate: {
    file: 'evaluate',
    help: 'evaluate --label NAME --model MODEL FILE... | evaluate --label NAME --model MODEL [--data DIR]',
  },
  classify: { file: 'classify', help: 'classify --model MODEL FILE' },
  prefill: { file: 'prefill', help: 'prefill FILE' },
  similar: { file: 'similar', help: 'similar --id ID FILE...   top similar tickets for one ticket' },
  mine: { file: 'mine', help: 'mine FILE... --out REPORT' },
  workdays: { file: 'workdays', help: 'workdays add DATE N | workdays check' },
  backup: { file: 'backup', help: 'backup --data DIR --out FILE   embedded database, sealed, without the key' },
  restore: { file: 'restore', help: 'restore --data DIR FILE   into a new data directory' },
  reseal: { file: 'reseal', help: 'reseal --data DIR   re-seal everything under XIEZHI_KEY (old key: XIEZHI_OLD_KEY)' },
  audit: { file: 'audit', help: 'audit verify [--data DIR] [--expect SEQ:HASH]   check the audit hash chain' },
  report: {
    file: 'report',
    help: 'report --month YYYY-MM [--data DIR] --out FILE.pdf [--lang en]   monthly analysis report (A4 PDF with charts)',
  },
  bench: { file: 'bench', help: 'bench [NAME...]   run benchmarks (see docs/BENCHMARKS.md)' },
};

function usage(): string {
  return ['usage: xiezhi <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  xiezhi ${c.help}`)].join(
    '\n',
  );
}

export type CommandModule = { run: (argv: string[]) => Promise<number> };

/** Runs one command; `load` imports its module (cli/main.ts: through tsx; cli/fast.ts: the module it holds). */
export async function dispatch(argv: string[], load: (file: string) => Promise<CommandModule>): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(usage());
    return cmd ? 0 : 2;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    console.error(`xiezhi: unknown command "${cmd}" (try: xiezhi --help)`);
    return 2;
  }
  try {
    const mod = await load(entry.file);
    return await mod.run(rest);
  } catch (e) {
    // a data directory held by another process is the user's situation to resolve, not a crash
    if (
      e instanceof InputError ||
      (e as { code?: string }).code === 'EPIPE' ||
      (e as { code?: string }).code === 'XZ_DATA_DIR_IN_USE'
    ) {
      if ((e as { code?: string }).code !== 'EPIPE') console.error(`xiezhi ${cmd}: ${(e as Error).message}`);
      return 2;
    }
    if (
      (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' &&
      String((e as Error).message).includes(`commands/${entry.file}`)
    ) {
      console.error(`xiezhi ${cmd}: this command is not available in this build`);
      return 2;
    }
    console.error(`xiezhi ${cmd}: internal error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}
