#!/usr/bin/env node
// Entry point of the `xiezhi` CLI. The code base is TypeScript run through tsx's loader, so a fresh clone
// needs no build step for the CLI; the web UI is built on first start (see cli/commands/serve.ts).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
