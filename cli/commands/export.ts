/**
 * `xiezhi export --data DIR --out FILE [--format tif|csv|xlsx] [--from DATE --to DATE] [--mapping FILE]` — the
 * national 12315 exchange: what was received and decided, as TIF or in a column mapping (default: the national
 * layout, server/modules/exchange/mappings/national-12315.json). Last line printed: JSON counts.
 */
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { openApp } from '../../server/app.js';
import { SYSTEM } from '../../server/modules/access/index.js';
import { EXPORT_FORMATS, exportTickets, loadMapping, type ExportFormat } from '../../server/modules/exchange/index.js';
import { parse, progress, requireOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';
import { isCalendarDate } from '../../shared/dates.js';

const USAGE =
  'xiezhi export --data DIR --out FILE [--format tif|csv|xlsx] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--mapping FILE] [--purpose TEXT]';

function formatFor(out: string, given?: string): ExportFormat {
  if (given !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(given))
      throw new InputError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(given)}`);
    return given as ExportFormat;
  }
  const f = out.toLowerCase();
  return f.endsWith('.csv') ? 'csv' : f.endsWith('.xlsx') ? 'xlsx' : 'tif';
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      data: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      mapping: { type: 'string' },
      purpose: { type: 'string' },
    },
    USAGE,
  );
  const file = requireOpt(values.out, 'out', USAGE);
  const format = formatFor(file, values.format);
  for (const k of ['from', 'to'] as const)
    if (values[k] !== undefined && !isCalendarDate(values[k]))
      throw new InputError(`--${k} must be a real date YYYY-MM-DD, got ${JSON.stringify(values[k])}`);
  if (values.from && values.to && values.from > values.to) throw new InputError('--from is after --to');
  // the mapping is checked before the database is opened: a typo costs nothing
  const mapping = loadMapping(values.mapping);
  const app = await openApp({ dataDir: values.data, enrich: false });
  try {
    const sink = createWriteStream(file);
    const opened = new Promise<void>((resolve, reject) => {
      sink.once('open', () => resolve());
      sink.once('error', reject);
    });
    await opened.catch((e: Error) => {
      throw new InputError(`--out ${file}: ${e.message}`);
    });
    let out: Writable = sink;
    if (format === 'tif' && file.endsWith('.gz')) {
      const gz = createGzip();
      gz.pipe(sink);
      out = gz;
    }
    const closed = new Promise<void>((resolve, reject) => {
      sink.once('close', () => resolve());
      sink.once('error', reject);
    });
    const bar = progress(`export ${format}`);
    const r = await exportTickets(app, SYSTEM, out, {
      format,
      from: values.from,
      to: values.to,
      mapping,
      purpose: values.purpose ?? '全国12315平台数据交换（命令行导出）',
      onProgress: (n) => bar.tick(n),
    });
    await closed;
    bar.done();
    console.log(JSON.stringify({ exported: r.lines, format, file }));
  } finally {
    await app.close();
  }
  return 0;
}
