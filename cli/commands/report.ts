/**
 * `xiezhi report --month YYYY-MM [--data DIR] --out FILE.pdf [--html FILE] [--lang en]` — the monthly analysis report
 * (A4, charts; Chinese, or with --lang en its English reading copy) from the embedded database in DIR (or
 * DATABASE_URL). Prints one JSON line: the file, its pages and the month's ticket count.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp } from '../../server/app.js';
import { parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';
import { isMonth, monthlyReportPdf, pdfPages, PdfUnavailable } from '../../server/modules/analytics/index.js';

const USAGE = 'xiezhi report --month YYYY-MM [--data DIR] --out FILE.pdf [--html FILE] [--lang zh|en]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      month: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      html: { type: 'string' },
      lang: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length)
    throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  const month = requireOpt(values.month, 'month', USAGE);
  if (!isMonth(month)) throw new InputError(`--month must be YYYY-MM (e.g. 2026-11), got ${JSON.stringify(month)}`);
  const out = requireOpt(values.out, 'out', USAGE);
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new InputError(`--lang must be zh or en, got ${JSON.stringify(lang)}`);
  const dir = resolve(values.data ?? process.env.XIEZHI_DATA ?? '.xiezhi/data');
  if (!process.env.DATABASE_URL && !existsSync(`${dir}/PG_VERSION`))
    throw new InputError(`${dir} holds no embedded database (give --data DIR or set DATABASE_URL)`);
  const app = await openApp({ dataDir: dir });
  try {
    process.stderr.write(`report ${month}: gathering figures and printing…\n`);
    const r = await monthlyReportPdf(app.db, month, app.today(), lang).catch((e) => {
      throw e instanceof PdfUnavailable ? new InputError(e.message) : e;
    });
    writeFileSync(out, r.pdf);
    if (values.html) writeFileSync(values.html, r.html);
    console.log(JSON.stringify({ out, month, lang, pages: pdfPages(r.pdf), tickets: r.tickets, bytes: r.pdf.length }));
    return 0;
  } finally {
    await app.close();
  }
}
