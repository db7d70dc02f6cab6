import type { Queryable } from '../../../platform/db/index.js';
import { districtName } from '../../dispatch/index.js';
import { accessRepo } from '../../access/index.js';

/** The issuing unit of a document: the district bureau (a station acts in its district bureau's name, Art. 26). */
export async function unitNames(q: Queryable, unitId: string | null): Promise<{ unitName: string; short: string }> {
  const u = await accessRepo.getUnit(q, unitId ?? 'city');
  const dn = districtName(u?.district_code);
  if (dn) return { unitName: `上海市${dn}市场监督管理局`, short: `沪${dn.replace(/(新区|区)$/, '')}` };
  return { unitName: '上海市市场监督管理局', short: '沪' };
}
