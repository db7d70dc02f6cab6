import { describe, expect, it } from 'vitest';
import { ExcelJS, parseSax } from './index.js';

async function* chunks(parts: Buffer[]) {
  for (const p of parts) yield p;
}
const texts = async (parts: Buffer[]) => {
  let s = '';
  for await (const events of parseSax(chunks(parts)))
    for (const e of events) if (e.eventType === 'text') s += String(e.value);
  return s;
};

describe('the XLSX reader decodes text as one stream', () => {
  it('joins a character split over two chunks (ExcelJS alone reads it as U+FFFD)', async () => {
    const xml = Buffer.from('<si><t>调解成功</t></si>', 'utf8');
    // every split point, including the two inside each three-byte character
    for (let i = 1; i < xml.length; i++) expect(await texts([xml.subarray(0, i), xml.subarray(i)])).toBe('调解成功');
    const bytes = [...xml].map((b) => Buffer.from([b]));
    expect(await texts(bytes)).toBe('调解成功');
  });

  it('is the parser ExcelJS reads a workbook with', async () => {
    // 3,000 rows of Chinese text: the inflated sheet arrives in many chunks, most of which end inside a character
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    const rows = Array.from({ length: 3000 }, (_, i) => [`XZ${i}`, `调解成功，退款${i}元。商家承诺整改。`]);
    for (const r of rows) ws.addRow(r);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { Readable } = await import('node:stream');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      worksheets: 'emit',
    });
    const seen: string[] = [];
    for await (const sheet of reader) for await (const row of sheet) seen.push(String((row.values as unknown[])[2]));
    expect(seen).toHaveLength(3000);
    expect(seen.filter((s) => s.includes('\uFFFD'))).toEqual([]);
    expect(seen[2999]).toBe(rows[2999]![1]);
  });
});
