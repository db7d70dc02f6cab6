/**
 * The cube's rows (one per combination of dimension values) as a pivot table: row keys × column keys with totals.
 * Pure, so the screen only draws. Columns beyond `maxCols` are summed into one 其他 column (the export has them all).
 */
export interface CubeRow {
  [dim: string]: unknown;
  labels: Record<string, string>;
  count: number;
}
export interface Pivot {
  rows: { key: string; values: string[]; labels: string[]; cells: Record<string, number>; total: number }[];
  cols: { key: string; label: string; total: number }[];
  total: number;
  otherCols: number;
}
export const OTHER = '__other__';
const TIME = new Set(['day', 'week', 'month']);

export function pivot(data: CubeRow[], rowDims: string[], colDim: string | null, measure: string, maxCols = 12): Pivot {
  const val = (r: CubeRow) => Number(r[measure] ?? 0);
  const colTotals = new Map<string, { label: string; total: number }>();
  if (colDim)
    for (const r of data) {
      const k = String(r[colDim]);
      const c = colTotals.get(k) ?? { label: r.labels[colDim] ?? k, total: 0 };
      c.total += val(r);
      colTotals.set(k, c);
    }
  let cols = [...colTotals.entries()].map(([key, c]) => ({ key, ...c }));
  cols =
    colDim && TIME.has(colDim)
      ? cols.sort((a, b) => a.key.localeCompare(b.key))
      : cols.sort((a, b) => b.total - a.total);
  const shown = new Set(cols.slice(0, maxCols).map((c) => c.key));
  const otherCols = Math.max(0, cols.length - maxCols);
  if (otherCols)
    cols = [
      ...cols.slice(0, maxCols),
      { key: OTHER, label: '其他', total: cols.slice(maxCols).reduce((s, c) => s + c.total, 0) },
    ];
  const rows = new Map<string, Pivot['rows'][number]>();
  for (const r of data) {
    const values = rowDims.map((d) => String(r[d]));
    const key = values.join('\u0001');
    const row = rows.get(key) ?? {
      key,
      values,
      labels: rowDims.map((d) => r.labels[d] ?? String(r[d])),
      cells: {},
      total: 0,
    };
    const ck = colDim ? (shown.has(String(r[colDim])) ? String(r[colDim]) : OTHER) : '';
    row.cells[ck] = (row.cells[ck] ?? 0) + val(r);
    row.total += val(r);
    rows.set(key, row);
  }
  const out = [...rows.values()];
  if (rowDims[0] && TIME.has(rowDims[0])) out.sort((a, b) => a.key.localeCompare(b.key));
  else out.sort((a, b) => b.total - a.total);
  return { rows: out, cols, total: out.reduce((s, r) => s + r.total, 0), otherCols };
}
