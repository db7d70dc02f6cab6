/**
 * `xiezhi mine FILE... --out REPORT` — replays the tickets day by day (no look-ahead) and writes the mining report
 * of formats/TIF.md: input summary, early-warning alerts, templated-text clusters and abnormal-complainant persons.
 */
import { writeFileSync } from 'node:fs';
import type { MinePerson, MineReport, MineTemplate, TifTicket } from '../../shared/tif.js';
import { loadTif, InputError } from '../../server/platform/tif/index.js';
import { parse, requireOpt, progress } from '../../server/platform/cli/index.js';
import { abnormalComplainants, replayAlerts, WarningEngine } from '../../server/modules/early-warning/index.js';

const USAGE = 'xiezhi mine FILE... --out REPORT [--no-templates] [--no-persons]';

/** Optional sibling modules, written by other engineers: used when present, an empty list while they are not. */
async function optional<T>(path: string, name: string): Promise<T | undefined> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as T) : undefined;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

type ClusterFn = (tickets: TifTicket[]) => MineTemplate[] | Promise<MineTemplate[]>;
type ScoreFn = (tickets: TifTicket[], opts: { templates: MineTemplate[] }) => MinePerson[] | Promise<MinePerson[]>;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { out: { type: 'string' }, 'no-templates': { type: 'boolean' }, 'no-persons': { type: 'boolean' } },
    USAGE,
  );
  const out = requireOpt(values.out, 'out', USAGE);
  if (!positionals.length) throw new InputError(`no input FILE\nusage: ${USAGE}`);
  const t0 = Date.now();
  const { tickets, rejected } = await loadTif(positionals);
  let from = '';
  let to = '';
  for (const t of tickets) {
    const d = WarningEngine.dayOf(t);
    if (!from || d < from) from = d;
    if (!to || d > to) to = d;
  }
  process.stderr.write(
    `mine: ${tickets.length} tickets (${rejected} rejected), ${from || '-'} … ${to || '-'}, read in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`,
  );

  let templates: MineTemplate[] = [];
  const cluster = values['no-templates']
    ? undefined
    : await optional<ClusterFn>('../../server/modules/text/index.js', 'clusterTemplates');
  if (cluster) {
    const t1 = Date.now();
    templates = await cluster(tickets);
    process.stderr.write(`mine: ${templates.length} template clusters in ${((Date.now() - t1) / 1000).toFixed(1)}s\n`);
  } else if (!values['no-templates']) process.stderr.write('mine: text module not available, templates left empty\n');

  let persons: MinePerson[] = [];
  const score = values['no-persons']
    ? undefined
    : await optional<ScoreFn>('../../server/modules/risk/index.js', 'scorePersons');
  if (score) {
    const t2 = Date.now();
    persons = await score(tickets, { templates });
    process.stderr.write(
      `mine: ${persons.length} persons with criteria in ${((Date.now() - t2) / 1000).toFixed(1)}s\n`,
    );
  } else if (!values['no-persons']) process.stderr.write('mine: risk module not available, persons left empty\n');

  // People the abnormal-list model flags (score ≥ 0.5) do not make a "group": their tickets are left out of the counts.
  const abnormal = abnormalComplainants(persons, tickets, 0.5);
  const bar = progress('mine: replay', tickets.length);
  let last = 0;
  const alerts = replayAlerts(tickets, {
    abnormal,
    onProgress: (n) => {
      bar.tick(n - last);
      last = n;
    },
  });
  bar.done(
    `mine: ${alerts.length} alerts (${persons.filter((p) => p.score >= 0.5).length} abnormal complainants discounted)`,
  );

  const report: MineReport = { input: { tickets: tickets.length, rejected, from, to }, alerts, templates, persons };
  writeFileSync(out, JSON.stringify(report, null, 1));
  process.stderr.write(`mine: wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
  return 0;
}
