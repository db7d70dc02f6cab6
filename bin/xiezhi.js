#!/usr/bin/env node
// Entry point of the `xiezhi` CLI. The code base is TypeScript run through tsx's loader, so a fresh clone
// needs no build step for the CLI; the web UI is built on first start (see cli/commands/serve.ts).
// The commands whose throughput is a bar run from a prebuilt bundle instead (bin/bundle.js: built on first use,
// rebuilt when a source changes; tsx whenever it cannot be built).
const FAST = new Set(['classify']);
if (FAST.has(process.argv[2])) {
  const { bundled } = await import('./bundle.js');
  const url = await bundled();
  if (url) {
    const { main } = await import(url);
    process.exitCode = await main(process.argv.slice(2));
  }
}
if (process.exitCode === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
