/**
 * The `xiezhi` command line. Each command lives in cli/commands/<name>.ts and exports
 * `run(argv): Promise<number>`; it calls server modules in-process (never the HTTP API).
 */
import { dispatch, type CommandModule } from './dispatch.js';

export function main(argv: string[]): Promise<number> {
  return dispatch(argv, (file) => import(`./commands/${file}.ts`) as Promise<CommandModule>);
}
