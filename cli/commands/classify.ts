/**
 * `xiezhi classify --model MODEL FILE` — TIF on stdout, each line with `predicted: {label, confidence[, not_sure],
 * alternatives}` added. Streams in chunks: each input line is parsed and validated once, and the output is the input
 * line with the prediction appended (no re-serialising of the ticket, no await per line), written in ~1 MB batches.
 */
import { parse, progress, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, openInput, toTicket } from '../../server/platform/tif/index.js';
import { loadModel, predict, type ClassifierModel, type Prediction } from '../../server/modules/text/index.js';

const USAGE = 'xiezhi classify --model MODEL FILE';

function annotate(model: ClassifierModel, s: string): string | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    return { error: 'invalid JSON' };
  }
  const t = toTicket(v, s);
  if (typeof t === 'string') return { error: t };
  const p = predict(model, t);
  const o = v as Record<string, unknown>;
  const end = s.lastIndexOf('}');
  // the input line stays as it was (lossless); a line that already carries `predicted` is rewritten instead
  if ('predicted' in o || end < 0) {
    const predicted: Record<string, unknown> = {
      label: p.label,
      confidence: p.confidence,
      model: model.version,
      field: model.label,
    };
    if (p.not_sure) predicted.not_sure = true;
    if (p.top.length > 1) predicted.alternatives = p.top.slice(1);
    return JSON.stringify({ ...o, predicted });
  }
  const empty = Object.keys(o).length === 0;
  return `${s.slice(0, end)}${empty ? '' : ','}"predicted":${predictedJson(model, p)}}`;
}

/** The same text as JSON.stringify of {label, confidence, model, field[, not_sure][, alternatives]}, built from the
 * model's labels quoted once (a third of the per-line output cost was stringifying this small object). */
const quoted = new WeakMap<ClassifierModel, { labels: Map<string, string>; tail: string }>();
function predictedJson(model: ClassifierModel, p: Prediction): string {
  let q = quoted.get(model);
  if (!q) {
    const labels = new Map(model.classes.map((c) => [c, JSON.stringify(c)]));
    q = { labels, tail: `,"model":${JSON.stringify(model.version)},"field":${JSON.stringify(model.label)}` };
    quoted.set(model, q);
  }
  let out = `{"label":${q.labels.get(p.label)},"confidence":${JSON.stringify(p.confidence)}${q.tail}`;
  if (p.not_sure) out += ',"not_sure":true';
  if (p.top.length > 1) {
    out += ',"alternatives":[';
    for (let i = 1; i < p.top.length; i++) {
      const a = p.top[i]!;
      out += `${i > 1 ? ',' : ''}{"label":${q.labels.get(a.label)},"confidence":${JSON.stringify(a.confidence)}}`;
    }
    out += ']';
  }
  return out + '}';
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { model: { type: 'string' } }, USAGE);
  const model = loadModel(requireOpt(values.model, 'model', USAGE));
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputError(`give exactly one FILE\nusage: ${USAGE}`);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  }); // reader closed early (| head)
  const input = openInput(file);
  input.setEncoding('utf8');
  const bar = progress('classify');
  let rest = '';
  let lineNo = 0;
  let out: string[] = [];
  let outLen = 0;
  const flush = async () => {
    if (!out.length) return;
    const chunk = out.join('\n') + '\n';
    out = [];
    outLen = 0;
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  const handle = (raw: string) => {
    lineNo++;
    const s = raw.trim();
    if (!s) return;
    const r = annotate(model, s);
    if (typeof r === 'string') {
      out.push(r);
      outLen += r.length;
    } else console.error(`line ${lineNo}: rejected (${r.error})`);
  };
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      let nl: number;
      let n = 0;
      while ((nl = text.indexOf('\n', start)) >= 0) {
        handle(text.slice(start, nl));
        start = nl + 1;
        n++;
      }
      rest = text.slice(start);
      if (n) bar.tick(n);
      if (outLen > 1 << 20) await flush();
    }
  } catch (e) {
    const msg = (e as Error).message;
    if (/incorrect header check|unexpected end of file/i.test(msg))
      throw new InputError(`${file}: not a valid gzip file (${msg})`);
    throw e;
  }
  if (rest) handle(rest);
  await flush();
  bar.done();
  return 0;
}
