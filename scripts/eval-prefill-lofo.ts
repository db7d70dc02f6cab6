/**
 * Does the business finder generalise beyond the firms it was built and trained on? Two held-out checks on real data:
 *  1. 黑猫 leave-one-firm-out: for each of the 5 firms, its lexicon entry is removed, the registry holds only the other
 *     firms' respondent names, and the tagger is trained without its tickets; then: in how many of its complaints that
 *     name it (by any of its spellings) does pre-fill's business span point at the name?
 *  2. 车质网 unseen brands: 20 % of the brands (by a hash of the name) are held out the same way (lexicon entries,
 *     registry, training tickets); recall of the brand in their titles.
 * Each check is also run with the full production configuration for comparison, and with no tagger (names and forms
 * only) to show what the learned part adds. Run: npx tsx scripts/eval-prefill-lofo.ts [DATA_DIR]
 */
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import {
  buildBusinessMatcher,
  distantExamples,
  loadSectors,
  locateName,
  prefill,
  taggerText,
  trainTagger,
  type BusinessMatcher,
  type SectorData,
  type TaggerModel,
  type HistoryTicket,
} from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(process.cwd(), '../shared/data');
const [heimao, car, cfpb] = (await Promise.all(
  ['heimao-furnishing', 'car-complaints', 'cfpb-samples'].map(
    async (f) => (await loadTif([join(dir, `${f}.tif.jsonl.gz`)])).tickets,
  ),
)) as [TifTicket[], TifTicket[], TifTicket[]];
const sectors = loadSectors();
/** --misses: print each held-out complaint whose firm was not found (to read the failures, not to tune on them). */
const showMisses = process.argv.includes('--misses');
const onlyHeimao = process.argv.includes('--heimao');

/** How each 黑猫 firm is written by consumers — the evaluation's definition of "names it" (not used by the finder). */
const FIRM_SPELLINGS: Record<string, string[]> = {
  博洛尼: ['博洛尼'],
  曲美家居: ['曲美'],
  业之峰装饰: ['业之峰'],
  金隅天坛整装: ['天坛', '金隅'],
  被窝整装: ['被窝'],
};

function withoutEntries(drop: (names: string[]) => boolean): SectorData[] {
  return sectors.map((s) => ({
    ...s,
    entries: (s.entries ?? []).filter((e) => !drop(e.split('|').map((x) => x.replace(/^~/, '').toLowerCase()))),
  }));
}
const fnv = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

function train(tickets: HistoryTicket[], matcher: BusinessMatcher): TaggerModel {
  const { examples } = distantExamples(tickets, { matcher });
  return trainTagger(examples, { epochs: 6 });
}

/** Share of `tickets` where the business span overlaps a place the text writes one of `spellings(t)`. */
function recall(
  tickets: TifTicket[],
  spellings: (t: TifTicket) => string[],
  matcher: BusinessMatcher,
  tagger: TaggerModel | null | undefined,
) {
  let named = 0,
    found = 0,
    byTagger = 0;
  for (const t of tickets) {
    const sp = spellings(t);
    const hits = (src: string) =>
      sp.flatMap((n) => {
        const s = taggerText(src);
        const k = n.toLowerCase();
        const o: [number, number][] = [];
        for (let i = s.indexOf(k); i >= 0; i = s.indexOf(k, i + 1)) o.push([i, i + k.length]);
        return o;
      });
    const inText = hits(t.text ?? ''),
      inTitle = hits(t.title ?? '');
    if (!inText.length && !inTitle.length) continue;
    named++;
    const p = prefill(t.text ?? '', t.title ?? undefined, { refDate: t.received_at.slice(0, 10), matcher, tagger });
    const b = p.business;
    const spans = b ? (b.source === 'title' ? inTitle : inText) : [];
    if (b && spans.some(([x, y]) => b.start < y && b.end > x)) {
      found++;
      if (b.via === 'tagger') byTagger++;
    } else if (showMisses && tagger !== null)
      console.error(
        `MISS ${t.labels?.business ?? ''} ${t.id} got=${b ? `${b.value}(${b.via},${b.source})` : '-'} | ${t.title ?? ''} | ${(t.text ?? '').slice(0, 220)}`,
      );
  }
  return { named, found, recall: named ? Math.round((found / named) * 1000) / 1000 : 0, by_tagger: byTagger };
}

const rows: Record<string, unknown>[] = [];
const others = [...car.slice(0, 3000), ...cfpb.filter((t) => t.text).slice(0, 1500)];
console.log('check                         config            named  found  recall  (via tagger)');
const line = (
  check: string,
  config: string,
  r: { named: number; found: number; recall: number; by_tagger: number },
) => {
  rows.push({ check, config, ...r });
  console.log(
    `${check.padEnd(29)} ${config.padEnd(17)} ${String(r.named).padStart(5)}  ${String(r.found).padStart(5)}  ${r.recall.toFixed(3)}   ${r.by_tagger}`,
  );
};

// 1. 黑猫, leave one firm out
const total = { named: 0, found: 0, notagger: 0 };
for (const firm of Object.keys(FIRM_SPELLINGS)) {
  const spell = FIRM_SPELLINGS[firm]!;
  const test = heimao.filter((t) => t.labels?.business === firm);
  const rest = heimao.filter((t) => t.labels?.business !== firm);
  const lex = withoutEntries((names) => names.some((n) => spell.some((s) => n.includes(s))));
  const registry = [...new Set(rest.map((t) => t.respondent?.name).filter((x): x is string => !!x))].map((name) => ({
    name,
  }));
  const matcher = buildBusinessMatcher(lex, registry);
  const tagger = train([...rest, ...others], matcher);
  const r = recall(test, () => spell, matcher, tagger);
  const r0 = recall(test, () => spell, matcher, null);
  line(`heimao LOFO ${firm}`, 'firm unseen', r);
  line(`heimao LOFO ${firm}`, 'unseen, no tagger', r0);
  total.named += r.named;
  total.found += r.found;
  total.notagger += r0.found;
}
line('heimao LOFO all 5 firms', 'firm unseen', {
  named: total.named,
  found: total.found,
  recall: Math.round((total.found / total.named) * 1000) / 1000,
  by_tagger: 0,
});
line('heimao LOFO all 5 firms', 'unseen, no tagger', {
  named: total.named,
  found: total.notagger,
  recall: Math.round((total.notagger / total.named) * 1000) / 1000,
  by_tagger: 0,
});
{
  const full = buildBusinessMatcher(
    sectors,
    [...new Set(heimao.map((t) => t.respondent?.name).filter((x): x is string => !!x))].map((name) => ({ name })),
  );
  line(
    'heimao all firms',
    'production',
    recall(heimao, (t) => FIRM_SPELLINGS[t.labels?.business ?? ''] ?? [], full, undefined),
  );
}

// 2. 车质网, unseen brands (20 % of brands by hash)
if (!onlyHeimao) {
  const heldBrand = (name: string) => fnv(name) % 5 === 0;
  const test = car.filter((t) => t.respondent?.name && heldBrand(t.respondent.name));
  const rest = car.filter((t) => !(t.respondent?.name && heldBrand(t.respondent.name)));
  // how each held-out ticket writes its brand (distant supervision's own locator), and the lexicon entries to drop
  const spellOf = new Map<TifTicket, string[]>();
  const dropNames = new Set<string>();
  for (const t of test) {
    const s = taggerText(`${t.text ?? ''}`);
    const found = locateName(t.respondent!.name!, s).map(([a, b]) => s.slice(a, b));
    spellOf.set(t, [...new Set(found)]);
    for (const f of found) dropNames.add(f);
  }
  const lex = withoutEntries((names) => names.some((n) => [...dropNames].some((d) => n.includes(d) || d.includes(n))));
  const registry = [...new Set(rest.map((t) => t.respondent?.name).filter((x): x is string => !!x))].map((name) => ({
    name,
  }));
  const matcher = buildBusinessMatcher(lex, registry);
  const tagger = train([...heimao, ...rest, ...cfpb.filter((t) => t.text).slice(0, 1500)], matcher);
  const heldNames = [...new Set(test.map((t) => t.respondent!.name!))];
  console.log(`held-out car brands (${heldNames.length}): ${heldNames.join(' ')}`);
  line(
    'car unseen brands',
    'brand unseen',
    recall(test, (t) => spellOf.get(t) ?? [], matcher, tagger),
  );
  line(
    'car unseen brands',
    'unseen, no tagger',
    recall(test, (t) => spellOf.get(t) ?? [], matcher, null),
  );
  const full = buildBusinessMatcher(sectors, []);
  line(
    'car unseen brands',
    'production',
    recall(test, (t) => spellOf.get(t) ?? [], full, undefined),
  );
}
console.log(JSON.stringify({ eval: 'prefill-lofo', rows }));
