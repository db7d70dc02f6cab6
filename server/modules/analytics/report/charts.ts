/**
 * The report's charts as SVG strings, rendered on the server by ECharts (SSR, no browser, no canvas): the PDF printer
 * receives finished vector graphics, and the figures are the same ECharts draws in the cockpit. Print palette (white
 * paper, dark text), Noto Sans CJK for Chinese.
 */
import * as echarts from 'echarts';

const FONT = 'Noto Sans CJK SC, Noto Sans SC, sans-serif';
/** The report's language: 'en' renames the series and axis labels (the English reading copy of the report). */
export type ReportLang = 'zh' | 'en';
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PALETTE = [
  '#1f5fa8',
  '#3a9bd9',
  '#e8743b',
  '#19a979',
  '#945ecf',
  '#ed4a7b',
  '#f2b90f',
  '#13a4b4',
  '#6c8893',
  '#a4b92e',
];
const base = {
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: FONT, color: '#222', fontSize: 12 },
  backgroundColor: '#fff',
};

function svg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...base, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** Monthly volumes by kind, stacked, over twelve months. */
export function monthlyStack(
  months: { month: string; complaint: number; report: number; other: number }[],
  width = 680,
  height = 260,
  lang: ReportLang = 'zh',
) {
  const [k1, k2, k3] =
    lang === 'en' ? ['Complaints', 'Reports', 'Enquiries and other'] : ['投诉', '举报', '咨询及其他'];
  return svg(
    {
      legend: { top: 0, data: [k1, k2, k3] },
      grid: { left: 8, right: 12, top: 30, bottom: 4, containLabel: true },
      tooltip: {},
      xAxis: {
        type: 'category',
        data: months.map((m) =>
          lang === 'en' ? MONTHS_EN[Number(m.month.slice(5)) - 1] : `${Number(m.month.slice(5))}月`,
        ),
        axisTick: { show: false },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: [
        { name: k1, type: 'bar', stack: 'k', data: months.map((m) => m.complaint), barMaxWidth: 28 },
        { name: k2, type: 'bar', stack: 'k', data: months.map((m) => m.report) },
        {
          name: k3,
          type: 'bar',
          stack: 'k',
          data: months.map((m) => m.other),
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            formatter: (p: { dataIndex: number }) =>
              String(months[p.dataIndex]!.complaint + months[p.dataIndex]!.report + months[p.dataIndex]!.other),
          },
        },
      ],
    },
    width,
    height,
  );
}

/** Daily volume in the month. */
export function dailyLine(
  points: { date: string; count: number }[],
  width = 680,
  height = 200,
  lang: ReportLang = 'zh',
) {
  return svg(
    {
      grid: { left: 8, right: 16, top: 16, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: points.map((p) => `${Number(p.date.slice(8))}${lang === 'en' ? '' : '日'}`),
        boundaryGap: false,
        axisLabel: { interval: 2 },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.count),
          smooth: 0.2,
          symbolSize: 4,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.12 },
        },
      ],
    },
    width,
    height,
  );
}

/** This month against last month, horizontal bars (top N). */
export function compareBars(
  rows: { label: string; count: number; prev: number }[],
  width = 680,
  height = 300,
  lang: ReportLang = 'zh',
) {
  const r = [...rows].reverse();
  return svg(
    {
      legend: { top: 0, data: lang === 'en' ? ['This month', 'Last month'] : ['本月', '上月'] },
      grid: { left: 8, right: 40, top: 26, bottom: 4, containLabel: true },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: {
        type: 'category',
        data: r.map((x) => x.label),
        // English names are longer than Chinese ones: give them more room before they are cut
        axisLabel: { width: lang === 'en' ? 210 : 150, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          name: lang === 'en' ? 'This month' : '本月',
          type: 'bar',
          data: r.map((x) => x.count),
          barMaxWidth: 12,
          label: { show: true, position: 'right', fontSize: 10 },
        },
        {
          name: lang === 'en' ? 'Last month' : '上月',
          type: 'bar',
          data: r.map((x) => x.prev),
          barMaxWidth: 12,
          itemStyle: { color: '#b9c7d6' },
        },
      ],
    },
    width,
    height,
  );
}

/** Shares as a ring with labels (problem types, age groups, alert states). */
export function ring(rows: { label: string; count: number }[], width = 330, height = 240) {
  return svg(
    {
      series: [
        {
          type: 'pie',
          radius: ['34%', '56%'],
          center: ['50%', '52%'],
          data: rows.map((x) => ({ name: x.label, value: x.count })),
          label: { formatter: '{b}\n{d}%', fontSize: 11 },
          labelLine: { length: 8, length2: 6 },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    },
    width,
    height,
  );
}

/** One series of vertical bars (districts). */
export function columns(rows: { label: string; count: number }[], width = 680, height = 240) {
  return svg(
    {
      grid: { left: 8, right: 8, top: 18, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((x) => x.label),
        axisLabel: { interval: 0, rotate: 35, fontSize: 11 },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: [
        {
          type: 'bar',
          data: rows.map((x) => x.count),
          barMaxWidth: 22,
          label: { show: true, position: 'top', fontSize: 9 },
        },
      ],
    },
    width,
    height,
  );
}
