/** TIF writer: one JSON object per line to a file (gzip when the name ends in .gz) or to stdout. */
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import type { TifTicket } from '../../../shared/tif.js';

export interface TifWriter {
  write(t: TifTicket | Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export function tifWriter(file: string | '-'): TifWriter {
  let out: Writable;
  let sink: Writable;
  if (file === '-') {
    out = sink = process.stdout;
  } else {
    sink = createWriteStream(file);
    if (file.endsWith('.gz')) {
      const gz = createGzip();
      gz.pipe(sink);
      out = gz;
    } else out = sink;
  }
  return {
    async write(t) {
      if (!out.write(JSON.stringify(t) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    },
    async close() {
      if (file === '-') return;
      await new Promise<void>((resolve, reject) => {
        sink.on('finish', resolve);
        sink.on('error', reject);
        out.end();
      });
    },
  };
}
