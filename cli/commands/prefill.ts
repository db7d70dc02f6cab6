/** `xiezhi prefill FILE` — writes the tickets back as TIF on stdout with a `prefill` object added to each. */
import { parse, progress } from '../../server/platform/cli/index.js';
import { InputError, readTif, tifWriter } from '../../server/platform/tif/index.js';
import { prefillTicket } from '../../server/modules/text/index.js';

const USAGE = 'xiezhi prefill FILE   (TIF .jsonl/.jsonl.gz, or - for stdin)';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse(argv, {}, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputError(`give exactly one FILE\nusage: ${USAGE}`);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  }); // reader closed early (| head)
  const out = tifWriter('-');
  const bar = progress('prefill');
  let rejected = 0;
  for await (const r of readTif(file)) {
    if ('error' in r) {
      rejected++;
      console.error(`line ${r.line}: rejected (${r.error})`);
      continue;
    }
    const t = r.ticket;
    await out.write({ ...t, prefill: prefillTicket(t) });
    bar.tick();
  }
  bar.done(rejected ? `${rejected} line(s) rejected` : undefined);
  await out.close();
  return 0;
}
