/**
 * What alert subjects read like on real data: per set, the subjects the detector tracks (by type, the most common
 * first, and every one of two characters or fewer) and the labels of the alerts it raises on the history as it is.
 *
 *   npx tsx scripts/eval-alert-subjects.ts [SIM.tif.jsonl.gz]
 *
 * The optional file (a simulated city, e.g. the demo's) is replayed too and its alert labels printed.
 */
import { loadTif } from '../server/platform/tif/index.js';
import { KnownEstates, replayAlerts, subjectsOf, TopicKeywords } from '../server/modules/early-warning/index.js';
for (const f of ['fuzhou-12345', 'heimao-furnishing', 'car-complaints']) {
  const { tickets } = await loadTif([new URL(`../../shared/data/${f}.tif.jsonl.gz`, import.meta.url).pathname]);
  const topics = new TopicKeywords();
  const estates = new KnownEstates();
  const cnt = new Map<string, number>();
  for (const t of tickets)
    for (const s of subjectsOf(t, topics, estates)) {
      const k = `${s.type}:${s.label}`;
      cnt.set(k, (cnt.get(k) ?? 0) + 1);
    }
  const byType: Record<string, [string, number][]> = {};
  for (const [k, n] of cnt) {
    const ty = k.split(':')[0]!;
    (byType[ty] ??= []).push([k.slice(ty.length + 1), n]);
  }
  console.log('==', f);
  for (const [ty, l] of Object.entries(byType)) {
    l.sort((a, b) => b[1] - a[1]);
    console.log(
      ty,
      l.length,
      'top:',
      l
        .slice(0, 25)
        .map(([k, n]) => `${k}(${n})`)
        .join(' '),
    );
    console.log(
      ty,
      'short(<=2):',
      l
        .filter(([k]) => [...k].length <= 2)
        .slice(0, 30)
        .map(([k, n]) => `${k}(${n})`)
        .join(' '),
    );
  }
  const al = replayAlerts(tickets);
  console.log(
    'alerts',
    al.length,
    al
      .map((a) => `${a.subject.type}:${a.subject.label}`)
      .join(' | ')
      .slice(0, 1500),
  );
}
const sim = process.argv[2];
if (sim) {
  const { tickets } = await loadTif([sim]);
  const al = replayAlerts(tickets);
  console.log(
    `== ${sim} alerts`,
    al.length,
    al
      .map((a) => `${a.subject.type}:${a.subject.label}`)
      .join(' | ')
      .slice(0, 3000),
  );
}
