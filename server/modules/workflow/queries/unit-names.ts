import type { Queryable } from '../../../platform/db/index.js';
import { districtName } from '../../dispatch/index.js';

/** The issuing unit of a document: the district bureau (a station acts in its district bureau's name, Art. 26). */
export async function unitNames(q: Queryable, unitId: string | null): Promise<{ unitName: string; short: string }> {
  const r = await q.query<{ kind: string; name: string; district_code: string | null }>('SELECT kind, name, district_code FROM units WHERE id = $1', [unitId ?? 'city']);
  const u = r.rows[0];
  const dn = districtName(u?.district_code);
  if (dn) return { unitName: `上海市${dn}市场监督管理局`, short: `沪${dn.replace(/(新区|区)$/, '')}` };
  return { unitName: '上海市市场监督管理局', short: '沪' };
}
