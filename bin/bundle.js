// The hot commands (cli/fast.ts: `classify`) as one prebuilt ES module, so their start-up is not tsx's loader
// transforming ~45 TypeScript files on every run (0.75–1 s of CPU, a third of classifying 44k lines). Built with
// esbuild (already installed as tsx's own compiler) on first use into .xiezhi/cli-bundle/, and rebuilt when any
// source it was built from changes (size or mtime; ~45 stat calls per start). Returns the bundle's URL, or null when
// it cannot be built or written (read-only checkout, no esbuild): the caller then runs the command through tsx.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.xiezhi', 'cli-bundle');
const out = join(dir, 'fast.mjs');
const stampFile = join(dir, 'fast.stamp.json');
const VERSION = 1; // bump when the build settings below change

function stat(file) {
  try {
    const s = statSync(join(root, file));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function fresh() {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.version !== VERSION || stamp.node !== process.version) return false;
    for (const [file, sig] of Object.entries(stamp.inputs)) if (stat(file) !== sig) return false;
    statSync(out);
    return true;
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  // a source that finds its data next to itself (new URL('./data/', import.meta.url)) keeps its own URL in the bundle
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        if (contents.includes('import.meta.url'))
          contents = contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: 'ts' };
      });
    },
  };
  const tmp = `${out}.${process.pid}.tmp`;
  const r = await esbuild.build({
    entryPoints: [join(root, 'cli/fast.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrl],
    absWorkingDir: root,
  });
  const inputs = {};
  for (const f of Object.keys(r.metafile.inputs)) inputs[f] = stat(f); // paths relative to absWorkingDir (root)
  renameSync(tmp, out); // atomic: a concurrent run sees the old bundle or the new one, never half of one
  const stampTmp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(stampTmp, JSON.stringify({ version: VERSION, node: process.version, inputs }));
  renameSync(stampTmp, stampFile);
}

/** URL of an up-to-date bundle of cli/fast.ts, or null (run through tsx instead). */
export async function bundled() {
  if (process.env.XIEZHI_NO_BUNDLE === '1') return null;
  try {
    if (!fresh()) {
      mkdirSync(dirname(out), { recursive: true });
      await build();
    }
    return pathToFileURL(out).href;
  } catch {
    return null;
  }
}
