/** Chart options for the cockpit (dark big screen). Pure functions of the overview figures. */
import { kindLabel, channelLabel } from './labels';
import { UNLOCATED_DISTRICT } from '../../../shared/value-labels.js';

import type { OverviewKV } from '../../../shared/overview.js';

/** one bar, slice or tile of the overview (shared/overview.ts) */
export type KV = OverviewKV;
export const TEXT = '#c9d6ee';
export const AXIS = '#4a5d80';
export const PALETTE = [
  '#3ba0ff',
  '#36cbcb',
  '#4ecb73',
  '#fad337',
  '#f2637b',
  '#975fe4',
  '#ff9d4d',
  '#5e7ce0',
  '#a0d911',
  '#13c2c2',
];

const base = {
  backgroundColor: 'transparent',
  textStyle: { color: TEXT, fontFamily: 'Noto Sans CJK SC, sans-serif' },
  color: PALETTE,
  animationDuration: 400,
};
const tooltip = {
  trigger: 'item',
  backgroundColor: 'rgba(10,22,48,0.95)',
  borderColor: '#2b4a7f',
  textStyle: { color: '#fff' },
};

export function ring(data: KV[], label: (k: string) => string) {
  return {
    ...base,
    tooltip: { ...tooltip, formatter: '{b}: {c} ({d}%)' },
    legend: {
      orient: 'vertical',
      right: 4,
      top: 'middle',
      textStyle: { color: TEXT, fontSize: 12 },
      itemWidth: 10,
      itemHeight: 10,
    },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['36%', '52%'],
        label: { show: false },
        itemStyle: { borderColor: '#0b1733', borderWidth: 2 },
        data: data.map((d) => ({ name: label(d.key), value: d.count, key: d.key })),
      },
    ],
  };
}

export function hbar(data: KV[], label: (k: string) => string, color = '#3ba0ff', top = 10) {
  const rows = [...data]
    .sort((a, b) => b.count - a.count)
    .slice(0, top)
    .reverse();
  return {
    ...base,
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 42, top: 6, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((d) => label(d.key)),
      axisLabel: { color: TEXT, fontSize: 12, width: 110, overflow: 'truncate' },
      axisLine: { lineStyle: { color: AXIS } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        data: rows.map((d) => ({ value: d.count, key: d.key })),
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: TEXT, fontSize: 11 },
      },
    ],
  };
}

export function trend(points: { date: string; count: number }[]) {
  return {
    ...base,
    tooltip: { ...tooltip, trigger: 'axis' },
    grid: { left: 8, right: 12, top: 14, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.date.slice(5)),
      axisLabel: { color: TEXT, fontSize: 11 },
      axisLine: { lineStyle: { color: AXIS } },
      boundaryGap: false,
    },
    yAxis: { type: 'value', axisLabel: { color: TEXT, fontSize: 11 }, splitLine: { lineStyle: { color: '#1c2d52' } } },
    series: [
      {
        type: 'line',
        smooth: 0.3,
        showSymbol: false,
        data: points.map((p) => ({ value: p.count, key: p.date })),
        lineStyle: { width: 2, color: '#36cbcb' },
        areaStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color: 'rgba(54,203,203,0.45)' },
              { offset: 1, color: 'rgba(54,203,203,0)' },
            ],
          },
        },
      },
    ],
  };
}

/**
 * Shanghai's 16 districts as a tile map (no GeoJSON may be installed): each district a rectangle placed roughly where
 * it lies — Chongming on top, the central districts in the middle, Pudong large to the east, Jinshan/Fengxian south.
 * [x, y, w, h] on a 6×6 grid.
 */
export const TILES: Record<string, [number, number, number, number]> = {
  '310151': [3, 0, 3, 1],
  '310114': [1, 1, 1, 1],
  '310113': [2, 1, 2, 1],
  '310118': [0, 2, 1, 2],
  '310107': [1, 2, 1, 1],
  '310106': [2, 2, 1, 1],
  '310109': [3, 2, 1, 1],
  '310110': [4, 2, 2, 1],
  '310105': [1, 3, 1, 1],
  '310101': [2, 3, 1, 1],
  '310115': [3, 3, 3, 2],
  '310104': [2, 4, 1, 1],
  '310112': [1, 4, 1, 1],
  '310117': [0, 4, 1, 1],
  '310116': [0, 5, 2, 1],
  '310120': [2, 5, 4, 1],
};

/** The unlocated tile (tickets with no Shanghai district) sits apart, top left, where the map has no district. */
export const UNLOCATED_KEY = UNLOCATED_DISTRICT;
const UNLOCATED_TILE: [number, number, number, number] = [0, 0, 2, 1];

export function tileMap(districts: KV[], unlocated?: KV) {
  const data = districts
    .filter((d) => TILES[d.key])
    .map((d) => {
      const [x, y, w, h] = TILES[d.key]!;
      return { value: [x, y, w, h, d.count], key: d.key, name: d.name ?? d.key };
    });
  // the colour scale is the districts'; the unlocated tile is grey and dashed so it never reads as a district
  const max = Math.max(1, ...data.map((d) => d.value[4]!));
  if (unlocated)
    data.push({
      value: [...UNLOCATED_TILE, unlocated.count],
      key: UNLOCATED_KEY,
      name: unlocated.name ?? UNLOCATED_KEY,
    });
  return {
    ...base,
    tooltip: {
      ...tooltip,
      formatter: (p: { data: { name: string; value: number[] } }) => `${p.data.name}: ${p.data.value[4]}`,
    },
    grid: { left: 2, right: 2, top: 2, bottom: 34 },
    xAxis: { type: 'value', min: 0, max: 6, show: false },
    yAxis: { type: 'value', min: 0, max: 6, inverse: true, show: false },
    visualMap: {
      type: 'continuous',
      dimension: 4,
      min: 0,
      max,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 180,
      itemWidth: 10,
      calculable: false,
      text: [String(max), '0'],
      textStyle: { color: TEXT },
      inRange: { color: ['#123a6b', '#1f6fb2', '#36a3d9', '#f5c451', '#f2637b'] },
    },
    series: [
      {
        type: 'custom',
        data,
        encode: { x: 0, y: 1 },
        renderItem: (
          _p: unknown,
          api: { value: (i: number) => number; coord: (v: number[]) => number[]; visual: (k: string) => string },
        ) => {
          const x = api.value(0),
            y = api.value(1),
            w = api.value(2),
            h = api.value(3);
          const a = api.coord([x, y]),
            b = api.coord([x + w, y + h]);
          const gap = 3;
          const rect = {
            x: a[0]! + gap,
            y: a[1]! + gap,
            width: b[0]! - a[0]! - 2 * gap,
            height: b[1]! - a[1]! - 2 * gap,
          };
          const item = data[(_p as { dataIndex: number }).dataIndex]!;
          const off = item.key === UNLOCATED_KEY;
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { ...rect, r: 4 },
                style: off
                  ? { fill: '#2a3550', stroke: '#8ea3c7', lineWidth: 1, lineDash: [4, 3] }
                  : { fill: api.visual('color'), stroke: 'rgba(255,255,255,0.25)', lineWidth: 1 },
              },
              {
                type: 'text',
                style: {
                  text: `${item.name}\n${api.value(4)}`,
                  x: rect.x + rect.width / 2,
                  y: rect.y + rect.height / 2,
                  align: 'center',
                  verticalAlign: 'middle',
                  fill: '#fff',
                  font: '600 13px Noto Sans CJK SC, sans-serif',
                  lineHeight: 17,
                },
              },
            ],
          };
        },
      },
    ],
  };
}

export const kindName = kindLabel;
export const channelName = channelLabel;
