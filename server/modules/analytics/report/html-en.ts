/**
 * The monthly analysis report's English reading copy (`xiezhi report --lang en`, the cockpit in English): the same
 * figures, sections and charts as reportHtml, worded in English. Category, problem, channel, age, alert and list
 * names come from shared/ (value-labels.ts, analysis-labels.ts); names of businesses, platforms, shops and districts
 * are proper names and stay as they are. The Chinese report is the one a bureau files; this copy says so.
 */
import {
  AGE_GROUP_LABELS_EN,
  ALERT_KIND_LABELS_EN,
  ALERT_STATE_LABELS_EN,
  CHANNEL_LABELS_EN,
  LIST_STATE_LABELS_EN,
} from '../../../../shared/analysis-labels.js';
import { CATEGORY_LABELS_EN, PROBLEM_TYPE_LABELS_EN } from '../../../../shared/value-labels.js';
import { dateEn, MONTHS_EN } from '../../../../shared/legal-en.js';
import { growth, pct, ratio } from '../domain/report-period.js';
import { districtLabel } from '../domain/labels.js';
import type { MonthlyReportData } from '../queries/monthly-report.js';
import { columns, compareBars, dailyLine, monthlyStack, ring } from './charts.js';
import { REPORT_CSS } from './html.js';
import { escapeHtml } from '../../../../shared/html.js';

const esc = escapeHtml;
const n = (x: number) => x.toLocaleString('en-US');
export const monthEn = (m: string) => `${MONTHS_EN[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`;
/** "+12.3%" / "−4.0%" / "unchanged" / "none last month" — the English of changeText. */
export function changeEn(cur: number, prev: number): string {
  const g = growth(cur, prev);
  if (g === null) return cur > 0 ? 'none last month' : 'unchanged';
  if (Math.abs(g) < 0.0005) return 'unchanged';
  return `${g > 0 ? '+' : '−'}${Math.abs(g * 100).toFixed(1)}%`;
}
const cls = (cur: number, prev: number) =>
  (growth(cur, prev) ?? 0) > 0.0005 ? 'up' : (growth(cur, prev) ?? 0) < -0.0005 ? 'down' : '';
const chg = (cur: number, prev: number) => `<span class="${cls(cur, prev)}">${esc(changeEn(cur, prev))}</span>`;
const yo = (cur: number, prev: number, has: boolean) => (has ? chg(cur, prev) : '—');
const cat = (k: string) => (CATEGORY_LABELS_EN as Record<string, string>)[k] ?? k;
const prob = (k: string) => (PROBLEM_TYPE_LABELS_EN as Record<string, string>)[k] ?? k;
const SHORT_AGE: Record<string, string> = { 未成年: 'Under 18', '18-34': '18–34', '35-59': '35–59', '60岁以上': '60+' };
const plain = (s: string) => s.replace(/<[^>]+>/g, '');
function table(head: string[], rows: (string | number)[][], klass = ''): string {
  const td = (c: string | number) =>
    typeof c === 'number'
      ? `<td class="nw">${n(c)}</td>`
      : `<td${plain(c).length <= 14 ? ' class="nw"' : ''}>${c}</td>`;
  return `<table class="${klass}"><thead><tr>${head.map((h) => `<th class="nw">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`;
}
const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
// Latin text first; the CJK fonts stay for the proper names
const CSS_EN = `${REPORT_CSS}
  body, h2, h3, table, figcaption, .sub, .note { font-family: 'Liberation Serif', 'Noto Serif', 'Noto Serif CJK SC', serif; }
  h2, h3, table, figcaption, .sub, .note { font-family: 'Liberation Sans', 'Noto Sans', 'Noto Sans CJK SC', sans-serif; }
  p { text-indent: 0; } h2, h3 { break-after: avoid; page-break-after: avoid; } .box { page-break-inside: avoid; }
  table.long { page-break-inside: auto; } table.long tr { page-break-inside: avoid; } .copy { border: 0.8px solid #999; padding: 1.5mm 3mm; font-size: 8.5pt; margin: 0 0 3mm; }`;

export function reportHtmlEn(d: MonthlyReportData, issuer = 'Shanghai Administration for Market Regulation'): string {
  const c = d.totals.cur,
    p = d.totals.prev,
    y = d.totals.yoy;
  const M = monthEn(d.month);
  const cats = d.categories.slice(0, 10);
  const probs = d.problems.slice(0, 10);
  const risingCat = [...d.categories]
    .filter((x) => x.count >= 5)
    .sort((a, b) => (growth(b.count, b.prev) ?? 0) - (growth(a.count, a.prev) ?? 0))[0];
  const mediationRate = ratio(c.mediated, c.mediated + c.terminated);
  const odrRate = ratio(d.odr.settled, d.odr.total);
  const alertsBy = (k: 'kind' | 'state') => {
    const m = new Map<string, number>();
    for (const r of d.alerts.rows) m.set(r[k], (m.get(r[k]) ?? 0) + r.n);
    return m;
  };
  const alertKinds = alertsBy('kind');
  const alertStates = alertsBy('state');
  const alertTotal = [...alertKinds.values()].reduce((s, v) => s + v, 0);
  const handled = (alertStates.get('handled') ?? 0) + (alertStates.get('confirmed') ?? 0);
  const oy = new Map(d.ages.oldYoung.map((g) => [g.key, g]));
  const minor = oy.get('涉未成年人') ?? { key: '涉未成年人', count: 0, prev: 0 };
  const elder = oy.get('涉老年人') ?? { key: '涉老年人', count: 0, prev: 0 };
  const known = d.ages.groups.filter((g) => g.key !== '未知').reduce((s, g) => s + g.count, 0);
  const elderById = d.ages.groups.find((g) => g.key === '60岁以上')?.count ?? 0;
  const hotShare = ratio(d.hotline.onTime, d.hotline.onTime + d.hotline.late);
  const hasYoy = y.tickets > 0;
  const probTotal = probs.reduce((s, x) => s + x.count, 0);

  const summary =
    `In ${M} the city's market regulation system received <b>${n(c.tickets)}</b> complaints, reports, enquiries and other requests, ${chg(c.tickets, p.tickets)} on the previous month${hasYoy ? ` and ${chg(c.tickets, y.tickets)} on a year earlier` : ''}. ` +
    `Of these, <b>${n(c.complaint)}</b> were complaints (${chg(c.complaint, p.complaint)}), <b>${n(c.report)}</b> reports (${chg(c.report, p.report)}) and <b>${n(c.other)}</b> enquiries, suggestions and requests for help. ` +
    `They came from ${n(c.complainants)} people and involved CNY ${n(Math.round(c.amount))}. ` +
    (cats[0]
      ? `The leading categories of goods and services were ${cats
          .slice(0, 3)
          .map((x) => `“${esc(cat(x.key))}” (${n(x.count)})`)
          .join(', ')}; `
      : '') +
    (probs[0]
      ? `the main problem type was “${esc(prob(probs[0].key))}”, ${pct(ratio(probs[0].count, probTotal))} of the total. `
      : '') +
    `The mediation success rate was ${pct(mediationRate)} (excluding tickets of people on the abnormal list); the ODR first-settlement rate was ${pct(odrRate)}.`;

  const s: string[] = [];
  s.push(`
    <p class="copy">English reading copy. The Chinese report is the authoritative version; figures are identical.</p>
    <h1>${esc(issuer)}<br>12315 Complaints and Reports: Monthly Analysis</h1>
    <div class="sub">${M} · period ${dateEn(d.period.from)} to ${dateEn(d.period.to)} · generated ${dateEn(d.generatedOn)}</div>
    <div class="red"></div>
    <h2>1. Overview</h2>
    <p>${summary}</p>
    ${table(
      ['Indicator', 'This month', 'Last month', 'Change', 'A year ago', 'Year on year'],
      [
        [
          'All requests',
          c.tickets,
          p.tickets,
          chg(c.tickets, p.tickets),
          hasYoy ? y.tickets : '—',
          yo(c.tickets, y.tickets, hasYoy),
        ],
        [
          'Complaints',
          c.complaint,
          p.complaint,
          chg(c.complaint, p.complaint),
          hasYoy ? y.complaint : '—',
          yo(c.complaint, y.complaint, hasYoy),
        ],
        [
          'Reports',
          c.report,
          p.report,
          chg(c.report, p.report),
          hasYoy ? y.report : '—',
          yo(c.report, y.report, hasYoy),
        ],
        [
          'Enquiries, suggestions, help',
          c.other,
          p.other,
          chg(c.other, p.other),
          hasYoy ? y.other : '—',
          yo(c.other, y.other, hasYoy),
        ],
        [
          'Mediation success rate',
          pct(mediationRate),
          pct(ratio(p.mediated, p.mediated + p.terminated)),
          '—',
          '—',
          '—',
        ],
        ['ODR first-settlement rate', pct(odrRate), pct(ratio(d.odr.prevSettled, d.odr.prevTotal)), '—', '—', '—'],
      ],
      'kpi',
    )}
    ${figure(monthlyStack(d.monthly, 680, 235, 'en'), 'Figure 1. Requests in the last 12 months, by kind')}
  `);
  const undetermined = d.districts.find((x) => x.key === '未定')?.count ?? 0;
  s.push(`
    <div class="page"></div>
    <h2>2. Distribution</h2>
    <h3>2.1 Daily trend</h3>
    ${figure(dailyLine(d.daily, 680, 170, 'en'), `Figure 2. Requests per day, ${M}`)}
    <h3>2.2 Districts</h3>
    <p>By the location (jurisdiction) of the business, the districts with most requests were ${
      d.districts
        .filter((x) => x.key !== '未定')
        .slice(0, 3)
        .map((x) => `${esc(x.label)} (${n(x.count)}, ${changeEn(x.count, x.prev)})`)
        .join(', ') || '—'
    }. ${n(undetermined)} requests could not be placed in a district of the city (businesses in other provinces awaiting transfer, no place given, enquiries) and are counted separately.</p>
    ${figure(columns(d.districts.filter((x) => x.key !== '未定').map((x) => ({ label: x.label ?? districtLabel(x.key), count: x.count }))), 'Figure 3. Requests by district (this month)')}
    <h3>2.3 Channels</h3>
    ${table(
      ['Channel', 'This month', 'Last month', 'Change'],
      d.channels
        .slice(0, 8)
        .map((x) => [esc(CHANNEL_LABELS_EN[x.key] ?? x.key), x.count, x.prev, chg(x.count, x.prev)]),
    )}
    <div class="page"></div>
    <h2>3. Categories and problems</h2>
    <p>${cats.length ? `Among categories of goods and services, “${esc(cat(cats[0]!.key))}” had the most requests: ${n(cats[0]!.count)}, ${changeEn(cats[0]!.count, cats[0]!.prev)} on last month. ` : 'No classified requests this month. '}${risingCat ? `The fastest-rising category was “${esc(cat(risingCat.key))}” (${changeEn(risingCat.count, risingCat.prev)}) and needs attention.` : ''}</p>
    ${figure(
      compareBars(
        cats.map((x) => ({ label: cat(x.key), count: x.count, prev: x.prev })),
        680,
        290,
        'en',
      ),
      'Figure 4. Top ten categories of goods and services (this month and last)',
    )}
    <div class="row">
      <div>${figure(ring(probs.map((x) => ({ label: prob(x.key), count: x.count }))), 'Figure 5. Problem types (this month)')}</div>
      <div>${table(
        ['Problem type', 'This month', 'Change'],
        probs.map((x) => [esc(prob(x.key)), x.count, chg(x.count, x.prev)]),
      )}</div>
    </div>
    <div class="page"></div>
    <h2>4. Businesses and e-commerce platforms</h2>
    <h3>4.1 Businesses with fast-rising requests</h3>
    <p>The requests about these businesses rose markedly on last month (at least 3 this month). The local stations are advised to give administrative guidance or hold interviews so that the disputes are resolved.</p>
    ${
      d.risingBusinesses.length
        ? table(
            ['No.', 'Business', 'This month', 'Last month', 'Increase'],
            d.risingBusinesses.map((b, i) => [
              i + 1,
              esc(b.label),
              b.count,
              b.prev,
              `<span class="up">+${n(b.count - b.prev)}</span>`,
            ]),
          )
        : '<p>No business had a marked rise in requests this month.</p>'
    }
    <h3>4.2 E-commerce platforms</h3>
    ${
      d.platforms.length
        ? table(
            [
              'Platform',
              'This month',
              'Change',
              'Main problems',
              'Shops with most requests',
              'Mediation success',
              'ODR settled',
            ],
            d.platforms.map((x) => [
              esc(x.key),
              x.count,
              chg(x.count, x.prev),
              esc(x.problems.map((q) => `${prob(q.key)} (${q.count})`).join(', ')),
              esc(x.shops.map((sh) => `${sh.name} (${sh.count})`).join('; ')),
              pct(ratio(x.mediated, x.mediated + x.terminated)),
              `${n(x.odrSettled)}/${n(x.odrTotal)}`,
            ]),
            'long',
          )
        : '<p>No requests concerned e-commerce platforms this month.</p>'
    }
    ${
      d.platforms.length
        ? figure(
            compareBars(
              d.platforms.slice(0, 8).map((x) => ({ label: x.key, count: x.count, prev: x.prev })),
              680,
              190,
              'en',
            ),
            'Figure 6. Requests by e-commerce platform (this month and last)',
          )
        : ''
    }
  `);
  const alertRows = [...alertKinds.entries()].map(([k, v]) => {
    const st = (x: string) => d.alerts.rows.filter((r) => r.kind === k && r.state === x).reduce((a, r) => a + r.n, 0);
    return [esc(ALERT_KIND_LABELS_EN[k] ?? k), v, st('new'), st('confirmed'), st('handled'), st('dismissed')];
  });
  s.push(`
    <h2>5. 12345 hotline transfers and ODR</h2>
    <p>This month <b>${n(d.hotline.received)}</b> cases were transferred from the 12345 citizen service hotline (${chg(d.hotline.received, d.hotline.prev)}). Of those decided, ${n(d.hotline.onTime)} were decided on time and ${n(d.hotline.late)} late, an on-time rate of ${pct(hotShare)}; ${n(d.hotline.pending)} have not yet reached a decision.</p>
    <p>Businesses in the ODR scheme handled <b>${n(d.odr.total)}</b> complaints first (${n(d.odr.enterprises)} businesses) and settled ${n(d.odr.settled)}, a first-settlement rate of ${pct(odrRate)} (last month ${pct(ratio(d.odr.prevSettled, d.odr.prevTotal))}). Complaints not settled went on to administrative mediation.</p>
    ${table(
      ['Indicator', 'This month', 'Last month', 'Change'],
      [
        ['12345 transfers', d.hotline.received, d.hotline.prev, chg(d.hotline.received, d.hotline.prev)],
        ['Complaints handled by ODR businesses', d.odr.total, d.odr.prevTotal, chg(d.odr.total, d.odr.prevTotal)],
        ['Settled through ODR', d.odr.settled, d.odr.prevSettled, chg(d.odr.settled, d.odr.prevSettled)],
      ],
      'kpi',
    )}
    <h2>6. Early warnings</h2>
    <p>The warning models raised <b>${n(alertTotal)}</b> warnings this month: ${n(alertKinds.get('group_dispute') ?? 0)} group disputes and ${n(alertKinds.get('concentrated_demand') ?? 0)} concentrated demands. ${n(handled)} were confirmed or handled, ${n(alertStates.get('dismissed') ?? 0)} dismissed as false alarms and ${n(alertStates.get('new') ?? 0)} await verification.</p>
    ${alertRows.length ? table(['Kind', 'Total', 'To verify', 'Confirmed', 'Handled', 'Dismissed'], alertRows, 'kpi') : ''}
    ${alertTotal ? '' : '<p>No warnings were raised this month.</p>'}
    ${
      d.alerts.top.length
        ? `<h3>Main warnings this month</h3>${table(
            ['Subject', 'Kind', 'Tickets', 'People', 'Detected', 'District', 'State'],
            d.alerts.top.map((a) => [
              esc(a.subject_label),
              esc(ALERT_KIND_LABELS_EN[a.kind] ?? a.kind),
              a.count,
              a.complainants,
              a.detected_at,
              esc(districtLabel(a.district_code)),
              esc(ALERT_STATE_LABELS_EN[a.state] ?? a.state),
            ]),
          )}`
        : ''
    }
    <h2>7. Register of abnormal complaints and reports</h2>
    <p>${n(Number(d.abnormal.tickets))} requests this month came from people on the abnormal list and are left out of the mediation success rate. The model proposed ${n(d.abnormal.created)} new entries; ${n(d.abnormal.listed)} were listed (including those notified). The register stands as follows (counts only, no personal data):</p>
    ${
      d.abnormal.byState.length
        ? table(
            ['State', 'Entries'],
            d.abnormal.byState.map((x) => [
              esc((LIST_STATE_LABELS_EN as Record<string, string>)[x.state] ?? x.state),
              x.n,
            ]),
          )
        : '<p>The register holds no entries.</p>'
    }
    <p class="note">Note: every entry states its grounds and evidence and is listed only after review by a person; a listed person may appeal, and entries leave the register when they expire.</p>
  `);
  const ageRows = (g: string) => [
    d.ages
      .categories(g)
      .map((x) => `${esc(cat(x.key))} ${n(x.count)}`)
      .join(', ') || '—',
    d.ages
      .problems(g)
      .map((x) => `${esc(prob(x.key))} ${n(x.count)}`)
      .join(', ') || '—',
  ];
  const suggestions = [
    cats[0] &&
      `Address the sources of requests in categories such as “${esc(cat(cats[0].key))}” and issue consumer warnings, so that fewer disputes arise.`,
    d.risingBusinesses[0] &&
      `Have the local stations interview businesses with fast-rising requests such as ${esc(d.risingBusinesses[0].label)}, and hold them to their first-response duty.`,
    d.platforms[0] &&
      `Hold e-commerce platforms such as ${esc(d.platforms[0].key)} to their duties as platforms: open channels for settling disputes on the platform first and raise the ODR settlement rate.`,
    d.hotline.late > 0 &&
      `12345 transfers decided late this month: ${n(d.hotline.late)}. Keep supervising by phone, online and on site to raise the on-time rate.`,
    (alertStates.get('new') ?? 0) > 0 &&
      `${n(alertStates.get('new') ?? 0)} warnings await verification; the district bureaus concerned should assess and handle them and report back.`,
    elder.count + minor.count > 0 &&
      'Focus on older people and minors: more inspections and enforcement for health products and elderly care, and for toys and education and training aimed at children.',
  ].filter(Boolean) as string[];
  s.push(`
    <div class="page"></div>
    <h2>8. Older people and minors</h2>
    <p>Requests concerning older people numbered <b>${n(elder.count)}</b> this month, ${pct(ratio(elder.count, c.tickets))} of all requests (${chg(elder.count, elder.prev)}); those concerning minors <b>${n(minor.count)}</b>, ${pct(ratio(minor.count, c.tickets))} (${chg(minor.count, minor.prev)}). Of the ${n(known)} requests whose filer's age is known, ${n(elderById)} (${pct(ratio(elderById, known))}) came from people aged 60 or over.</p>
    <div class="row">
      <div>${figure(
        ring(
          d.ages.groups
            .filter((g) => g.key !== '未知')
            .map((g) => ({ label: SHORT_AGE[g.key] ?? g.key, count: g.count })),
          330,
          220,
        ),
        'Figure 7. Age of filers (requests with a known age)',
      )}</div>
      <div>${table(
        ['Age group', 'This month', 'Last month', 'Change'],
        d.ages.groups.map((g) => [esc(AGE_GROUP_LABELS_EN[g.key] ?? g.key), g.count, g.prev, chg(g.count, g.prev)]),
      )}</div>
    </div>
    ${table(
      ['Group', 'This month', 'Main categories', 'Main problem types'],
      [
        ['Concerning older people', elder.count, ...ageRows('涉老年人')],
        ['Concerning minors', minor.count, ...ageRows('涉未成年人')],
      ],
    )}
    <p class="note">Note: “concerning older people” means the filer is 60 or over (from the date of birth on the identity document) or the title mentions the elderly or elderly care; “concerning minors” means the filer is under 18, or the request concerns children, infants, toys, infant formula, early education, childcare or children's training — minors' requests are mostly filed by their parents.</p>
    <h2>9. Recommendations for the coming month</h2>
    ${suggestions.map((x, i) => `<p>${i + 1}. ${x}</p>`).join('')}
    <div class="box"><p class="note">About the data: this report was generated by the Xiezhi 12315 platform from the requests received from ${dateEn(d.period.from)} to ${dateEn(d.period.to)}. “This month” and “last month” are by date of receipt (China Standard Time, Asia/Shanghai); districts are by the business's jurisdiction; mediation success rate = mediated ÷ (mediated + mediation terminated), without tickets of people on the abnormal list. The report holds no personal data.</p></div>
  `);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(issuer)} 12315 Monthly Analysis (${M})</title><style>${CSS_EN}</style></head><body>${s.join('\n')}</body></html>`;
}
