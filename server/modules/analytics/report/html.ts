/**
 * The monthly analysis report as one printable HTML document (A4, Chinese, charts inline as SVG): what a city bureau
 * sends up — the overall picture, where and what people complain about, who is rising, 12345 and ODR, early warnings
 * and their handling, the abnormal list in counts, 一老一小, and the points for the coming month. Text is escaped;
 * nothing personal is in the data it is given.
 */
import {
  ageGroupLabel,
  ALERT_KIND_LABELS,
  ALERT_STATE_LABELS,
  channelLabel,
} from '../../../../shared/analysis-labels.js';
import { LIST_STATE_LABELS } from '../../risk/index.js';
import { changeText, growth, pct, ratio, zh } from '../domain/report-period.js';
import { districtLabel } from '../domain/labels.js';
import type { MonthlyReportData } from '../queries/monthly-report.js';
import { columns, compareBars, dailyLine, monthlyStack, ring } from './charts.js';
import { escapeHtml } from '../../../../shared/html.js';

const esc = escapeHtml;
const cn = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
const cls = (cur: number, prev: number) =>
  (growth(cur, prev) ?? 0) > 0.0005 ? 'up' : (growth(cur, prev) ?? 0) < -0.0005 ? 'down' : '';
const chg = (cur: number, prev: number) => `<span class="${cls(cur, prev)}">${esc(changeText(cur, prev))}</span>`;

const SHORT_AGE: Record<string, string> = {
  未成年: '未满18岁',
  '18-34': '18—34岁',
  '35-59': '35—59岁',
  '60岁以上': '60岁及以上',
};
const plain = (s: string) => s.replace(/<[^>]+>/g, '');
function table(head: string[], rows: (string | number)[][], cls = ''): string {
  // short cells (figures, changes, names of a few characters) never wrap; long text does
  const td = (c: string | number) =>
    typeof c === 'number'
      ? `<td class="nw">${zh(c)}</td>`
      : `<td${plain(c).length <= 9 ? ' class="nw"' : ''}>${c}</td>`;
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th class="nw">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`;
}
/** a year-ago figure the data does not reach (the platform holds less than a year) is shown as —, not as 0 */
const yo = (cur: number, prev: number, has: boolean) => (has ? chg(cur, prev) : '—');
const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

/** The report's print styles (A4), shared by the Chinese report and its English reading copy. */
export const REPORT_CSS = `
    @page { size: A4; margin: 18mm 16mm 18mm 16mm; }
    * { box-sizing: border-box; }
    body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; color: #1a1a1a; font-size: 10.5pt; line-height: 1.7; margin: 0; }
    h1 { font-size: 20pt; text-align: center; margin: 4mm 0 2mm; letter-spacing: 1px; font-weight: 700; }
    .sub { text-align: center; color: #444; margin-bottom: 4mm; font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10pt; }
    .red { border-top: 2.5px solid #c00; border-bottom: 0.8px solid #c00; height: 4px; margin: 0 0 5mm; }
    h2 { font-size: 14pt; margin: 5mm 0 2mm; font-family: 'Noto Sans CJK SC', sans-serif; font-weight: 700; }
    h3 { font-size: 11.5pt; margin: 3mm 0 1mm; font-family: 'Noto Sans CJK SC', sans-serif; }
    p { text-indent: 2em; margin: 1.5mm 0; text-align: justify; }
    .page { page-break-before: always; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9pt; line-height: 1.45; page-break-inside: avoid; }
    th, td { border: 0.6px solid #999; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
    th { background: #eef2f7; font-weight: 700; }
    td:not(:first-child) { font-variant-numeric: tabular-nums; } .nw { white-space: nowrap; }
    table.kpi td, table.kpi th { text-align: center; }
    figure { margin: 2mm 0 3mm; text-align: center; page-break-inside: avoid; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9pt; color: #555; }
    .row { display: flex; gap: 4mm; } .row > * { flex: 1; min-width: 0; }
    .up { color: #c0392b; } .down { color: #1e7d3c; }
    .note { font-size: 8.5pt; color: #555; text-indent: 0; font-family: 'Noto Sans CJK SC', sans-serif; }
    .box { border: 0.8px solid #c9d3df; background: #f7f9fc; padding: 2mm 4mm; margin: 2mm 0; }
  `;
export function reportHtml(d: MonthlyReportData, issuer = '上海市市场监督管理局'): string {
  const c = d.totals.cur,
    p = d.totals.prev,
    y = d.totals.yoy;
  const M = cn(d.month);
  const cat = d.categories.slice(0, 10);
  const prob = d.problems.slice(0, 10);
  const risingCat = [...d.categories]
    .filter((x) => x.count >= 5)
    .sort((a, b) => (growth(b.count, b.prev) ?? 0) - (growth(a.count, a.prev) ?? 0))[0];
  const mediationRate = ratio(c.mediated, c.mediated + c.terminated);
  const prevMediationRate = ratio(p.mediated, p.mediated + p.terminated);
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
  const summary =
    `${M}，全市市场监管系统共接收投诉举报咨询等各类诉求 <b>${zh(c.tickets)}</b> 件，环比${chg(c.tickets, p.tickets)}${hasYoy ? `，同比${chg(c.tickets, y.tickets)}` : ''}。` +
    `其中投诉 <b>${zh(c.complaint)}</b> 件（环比${chg(c.complaint, p.complaint)}），举报 <b>${zh(c.report)}</b> 件（环比${chg(c.report, p.report)}），咨询、建议及求助 <b>${zh(c.other)}</b> 件。` +
    `涉及诉求人 ${zh(c.complainants)} 人，涉案金额 ${zh(Math.round(c.amount))} 元。` +
    (cat[0]
      ? `投诉举报量居前的商品和服务类别为${cat
          .slice(0, 3)
          .map((x) => `“${esc(x.key)}”（${zh(x.count)}件）`)
          .join('、')}；`
      : '') +
    (prob[0]
      ? `问题类型以“${esc(prob[0].key)}”为主，占${pct(
          ratio(
            prob[0].count,
            prob.reduce((s, x) => s + x.count, 0),
          ),
        )}。`
      : '') +
    ` 调解成功率 ${pct(mediationRate)}（不含异常名录人员工单），ODR 企业先行和解率 ${pct(odrRate)}。`;

  const css = REPORT_CSS;

  const sections: string[] = [];
  sections.push(`
    <h1>${esc(issuer)}<br>12315 投诉举报月度分析报告</h1>
    <div class="sub">（${M}） · 统计期 ${d.period.from} 至 ${d.period.to} · 生成日期 ${d.generatedOn}</div>
    <div class="red"></div>
    <h2>一、总体情况</h2>
    <p>${summary}</p>
    ${table(
      ['指标', '本月', '上月', '环比', '去年同期', '同比'],
      [
        [
          '诉求总量',
          c.tickets,
          p.tickets,
          chg(c.tickets, p.tickets),
          hasYoy ? y.tickets : '—',
          yo(c.tickets, y.tickets, hasYoy),
        ],
        [
          '投诉',
          c.complaint,
          p.complaint,
          chg(c.complaint, p.complaint),
          hasYoy ? y.complaint : '—',
          yo(c.complaint, y.complaint, hasYoy),
        ],
        ['举报', c.report, p.report, chg(c.report, p.report), hasYoy ? y.report : '—', yo(c.report, y.report, hasYoy)],
        [
          '咨询、建议及求助',
          c.other,
          p.other,
          chg(c.other, p.other),
          hasYoy ? y.other : '—',
          yo(c.other, y.other, hasYoy),
        ],
        ['调解成功率', pct(mediationRate), pct(prevMediationRate), '—', '—', '—'],
        ['ODR先行和解率', pct(odrRate), pct(ratio(d.odr.prevSettled, d.odr.prevTotal)), '—', '—', '—'],
      ],
      'kpi',
    )}
    ${figure(monthlyStack(d.monthly, 680, 235), `图1 近12个月诉求量（按类型）`)}
  `);
  const ch = d.channels.slice(0, 8);
  sections.push(`
    <div class="page"></div>
    <h2>二、诉求分布</h2>
    <h3>（一）每日走势</h3>
    ${figure(dailyLine(d.daily, 680, 170), `图2 ${M}每日诉求量`)}
    <h3>（二）区域分布</h3>
    <p>按经营者所在地（管辖地）统计，诉求量居前的区为${
      d.districts
        .filter((x) => x.key !== '未定')
        .slice(0, 3)
        .map((x) => `${esc(x.label)}（${zh(x.count)}件，环比${changeText(x.count, x.prev)}）`)
        .join('、') || '—'
    }。未能定位到本市区县的诉求（外省市经营者待移送、未写明地点及咨询类）${zh(d.districts.find((x) => x.key === '未定')?.count ?? 0)}件，单列统计，不计入各区。</p>
    ${figure(columns(d.districts.filter((x) => x.key !== '未定').map((x) => ({ label: x.label ?? districtLabel(x.key), count: x.count }))), '图3 各区诉求量（本月）')}
    <h3>（三）来源渠道</h3>
    ${table(
      ['渠道', '本月', '上月', '环比'],
      ch.map((x) => [esc(channelLabel(x.key)), x.count, x.prev, chg(x.count, x.prev)]),
    )}
    <div class="page"></div>
    <h2>三、热点类别与问题</h2>
    <p>${cat.length ? `商品和服务类别中，“${esc(cat[0]!.key)}”诉求量最多，共${zh(cat[0]!.count)}件，环比${changeText(cat[0]!.count, cat[0]!.prev)}。` : '本月无已分类的诉求。'}${risingCat ? `增幅最大的类别为“${esc(risingCat.key)}”，环比${changeText(risingCat.count, risingCat.prev)}，需重点关注。` : ''}</p>
    ${figure(
      compareBars(
        cat.map((x) => ({ label: x.key, count: x.count, prev: x.prev })),
        680,
        290,
      ),
      '图4 商品和服务类别前十（本月与上月）',
    )}
  `);
  sections.push(`
    <div class="row">
      <div>${figure(ring(prob.map((x) => ({ label: x.key, count: x.count }))), '图5 问题类型构成（本月）')}</div>
      <div>${table(
        ['问题类型', '本月', '环比'],
        prob.map((x) => [esc(x.key), x.count, chg(x.count, x.prev)]),
      )}</div>
    </div>
    <div class="page"></div>
    <h2>四、重点经营者与电商平台</h2>
    <h3>（一）诉求量上升较快的经营者</h3>
    <p>以下经营者本月诉求量较上月增加明显（本月不少于3件），建议属地监管所开展行政指导或约谈，督促其妥善化解纠纷。</p>
    ${
      d.risingBusinesses.length
        ? table(
            ['序号', '经营者', '本月', '上月', '增加'],
            d.risingBusinesses.map((b, i) => [
              i + 1,
              esc(b.label),
              b.count,
              b.prev,
              `<span class="up">+${zh(b.count - b.prev)}</span>`,
            ]),
          )
        : '<p>本月无诉求量明显上升的经营者。</p>'
    }
    <h3>（二）重点电商平台专题</h3>
    ${
      d.platforms.length
        ? table(
            ['平台', '本月', '环比', '主要问题', '涉诉较多的店铺', '调解成功率', 'ODR和解'],
            d.platforms.map((x) => [
              esc(x.key),
              x.count,
              chg(x.count, x.prev),
              esc(x.problems.map((q) => `${q.key}(${q.count})`).join('、')),
              esc(x.shops.map((s) => `${s.name}（${s.count}）`).join('；')),
              pct(ratio(x.mediated, x.mediated + x.terminated)),
              `${zh(x.odrSettled)}/${zh(x.odrTotal)}`,
            ]),
          )
        : '<p>本月无涉电商平台的诉求。</p>'
    }
    ${
      d.platforms.length
        ? figure(
            compareBars(
              d.platforms.slice(0, 8).map((x) => ({ label: x.key, count: x.count, prev: x.prev })),
              680,
              190,
            ),
            '图6 电商平台诉求量（本月与上月）',
          )
        : ''
    }
  `);
  const alertRows = [...alertKinds.entries()].map(([k, v]) => {
    const st = (s: string) => d.alerts.rows.filter((r) => r.kind === k && r.state === s).reduce((a, r) => a + r.n, 0);
    return [esc(ALERT_KIND_LABELS[k] ?? k), v, st('new'), st('confirmed'), st('handled'), st('dismissed')];
  });
  sections.push(`
    <h2>五、12345 转办件与 ODR 在线纠纷解决</h2>
    <p>本月接收“12345市民服务热线”转办件 <b>${zh(d.hotline.received)}</b> 件，环比${chg(d.hotline.received, d.hotline.prev)}。已作出决定的转办件中按期 ${zh(d.hotline.onTime)} 件、超期 ${zh(d.hotline.late)} 件，按期率 ${pct(hotShare)}；尚未到决定环节的 ${zh(d.hotline.pending)} 件。</p>
    <p>本月经 ODR 企业先行处理的投诉 <b>${zh(d.odr.total)}</b> 件，涉及 ODR 企业 ${zh(d.odr.enterprises)} 家，先行和解 ${zh(d.odr.settled)} 件，先行和解率 ${pct(odrRate)}（上月 ${pct(ratio(d.odr.prevSettled, d.odr.prevTotal))}）。未能和解的投诉已转入行政调解程序。</p>
    ${table(
      ['指标', '本月', '上月', '环比'],
      [
        ['12345转办件', d.hotline.received, d.hotline.prev, chg(d.hotline.received, d.hotline.prev)],
        ['ODR企业处理投诉', d.odr.total, d.odr.prevTotal, chg(d.odr.total, d.odr.prevTotal)],
        ['ODR先行和解', d.odr.settled, d.odr.prevSettled, chg(d.odr.settled, d.odr.prevSettled)],
      ],
      'kpi',
    )}
    <h2>六、智能预警及处置</h2>
    <p>本月预警模型共发出预警 <b>${zh(alertTotal)}</b> 条，其中群体纠纷 ${zh(alertKinds.get('group_dispute') ?? 0)} 条、集中诉求 ${zh(alertKinds.get('concentrated_demand') ?? 0)} 条；已确认或处置 ${zh(handled)} 条，核实为误报排除 ${zh(alertStates.get('dismissed') ?? 0)} 条，待核实 ${zh(alertStates.get('new') ?? 0)} 条。</p>
    ${alertRows.length ? table(['预警类型', '合计', '待核实', '已确认', '已处置', '已排除'], alertRows, 'kpi') : ''}
    ${alertTotal ? '' : '<p>本月未发出预警。</p>'}
    ${
      d.alerts.top.length
        ? `<h3>本月主要预警</h3>${table(
            ['预警对象', '类型', '涉及工单', '涉及人数', '发现日期', '所在区', '状态'],
            d.alerts.top.map((a) => [
              esc(a.subject_label),
              esc(ALERT_KIND_LABELS[a.kind] ?? a.kind),
              a.count,
              a.complainants,
              a.detected_at,
              esc(districtLabel(a.district_code)),
              esc(ALERT_STATE_LABELS[a.state] ?? a.state),
            ]),
          )}`
        : ''
    }
    <h2>七、投诉举报异常名录</h2>
    <p>本月涉及异常名录人员的诉求 ${zh(Number(d.abnormal.tickets))} 件，已从调解成功率的统计中剔除。本月模型新提出标记 ${zh(d.abnormal.created)} 条，列入（含已一次性告知）${zh(d.abnormal.listed)} 条。名录现状如下（仅统计数量，不含个人信息）：</p>
    ${
      d.abnormal.byState.length
        ? table(
            ['状态', '条数'],
            d.abnormal.byState.map((s) => [
              esc(LIST_STATE_LABELS[s.state as keyof typeof LIST_STATE_LABELS] ?? s.state),
              s.n,
            ]),
          )
        : '<p>名录暂无记录。</p>'
    }
    <p class="note">注：异常名录的标记均列明依据与证据，经人工审核后方可列入；被列入人员享有申诉权利，期满自动移出。</p>
  `);
  const ageRows = (g: string) => [
    d.ages
      .categories(g)
      .map((x) => `${esc(x.key)} ${zh(x.count)}`)
      .join('、') || '—',
    d.ages
      .problems(g)
      .map((x) => `${esc(x.key)} ${zh(x.count)}`)
      .join('、') || '—',
  ];
  const suggestions = [
    cat[0] && `围绕“${esc(cat[0].key)}”等诉求集中的类别，加强源头治理与消费提示，推动诉求源头减量。`,
    d.risingBusinesses[0] &&
      `对“${esc(d.risingBusinesses[0].label)}”等诉求量上升较快的经营者，由属地监管所开展行政约谈，督促落实首问责任。`,
    d.platforms[0] &&
      `督促“${esc(d.platforms[0].key)}”等电商平台落实平台主体责任，畅通平台内纠纷先行处理渠道，提升ODR先行和解率。`,
    d.hotline.late > 0 &&
      `12345转办件仍有 ${zh(d.hotline.late)} 件超期作出决定，继续通过电话、网上、实地督办提高按期率。`,
    (alertStates.get('new') ?? 0) > 0 &&
      `尚有 ${zh(alertStates.get('new') ?? 0)} 条预警待核实，请相关区局及时研判处置并反馈结果。`,
    elder.count + minor.count > 0 &&
      '聚焦“一老一小”，对涉老年人保健品、养老服务及涉未成年人玩具、教育培训等领域加大监督抽查和执法力度。',
  ].filter(Boolean) as string[];
  sections.push(`
    <div class="page"></div>
    <h2>八、“一老一小”消费诉求</h2>
    <p>本月涉老年人的诉求 <b>${zh(elder.count)}</b> 件，占诉求总量的${pct(ratio(elder.count, c.tickets))}，环比${chg(elder.count, elder.prev)}；涉未成年人的诉求 <b>${zh(minor.count)}</b> 件，占${pct(ratio(minor.count, c.tickets))}，环比${chg(minor.count, minor.prev)}。可识别年龄的 ${zh(known)} 件诉求中，60岁及以上诉求人 ${zh(elderById)} 件，占${pct(ratio(elderById, known))}。</p>
    <div class="row">
      <div>${figure(
        ring(
          d.ages.groups
            .filter((g) => g.key !== '未知')
            .map((g) => ({ label: SHORT_AGE[g.key] ?? g.key, count: g.count })),
          330,
          220,
        ),
        '图7 可识别年龄诉求的诉求人年龄构成',
      )}</div>
      <div>${table(
        ['年龄段', '本月', '上月', '环比'],
        d.ages.groups.map((g) => [esc(ageGroupLabel(g.key)), g.count, g.prev, chg(g.count, g.prev)]),
      )}</div>
    </div>
    ${table(
      ['群体', '本月', '主要商品和服务类别', '主要问题类型'],
      [
        ['涉老年人', elder.count, ...ageRows('涉老年人')],
        ['涉未成年人', minor.count, ...ageRows('涉未成年人')],
      ],
    )}
    <p class="note">注：“涉老年人”指诉求人60岁及以上（依身份证件出生日期推算）或诉求标题涉及老人、养老；“涉未成年人”指诉求人不满18岁，或诉求内容涉及儿童、孩子、婴幼儿、玩具、奶粉、早教、托育、少儿培训等——未成年人的诉求多由家长代为提出。</p>
    <h2>九、下一步工作建议</h2>
    ${suggestions.map((s, i) => `<p>${i + 1}. ${s}</p>`).join('')}
    <div class="box"><p class="note">数据说明：本报告由獬豸 12315 投诉举报平台根据 ${d.period.from} 至 ${d.period.to} 接收的诉求自动生成；“本月”“上月”按收件日期（北京时间）统计；区域按经营者管辖地统计；调解成功率 = 调解成功 ÷（调解成功 + 终止调解），不含异常名录人员工单；报告不含任何个人信息。</p></div>
  `);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(issuer)} 12315 投诉举报月度分析报告（${M}）</title><style>${css}</style></head><body>${sections.join('\n')}</body></html>`;
}
