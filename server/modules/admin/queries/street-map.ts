/**
 * Units and the street→station map as the administrator sees them: per district its stations, and per street/town
 * the station that works it (the default, one station per street, or the administrator's override).
 */
import { fail } from '../../../platform/errors/index.js';
import { accessRepo } from '../../access/index.js';
import { allDistricts, setStationOverrides } from '../../dispatch/index.js';
import type { Ctx } from '../../workflow/index.js';
import { adminRepo } from '../repository.js';
import { UNIT_KIND_LABELS } from '../../../../shared/admin.js';
import geo from '../../../platform/geo/shanghai.json' with { type: 'json' };

export interface StreetRow {
  street_code: string;
  street_name: string;
  default_unit_id: string;
  unit_id: string;
  unit_name: string;
  overridden: boolean;
}

export async function unitsOverview(ctx: Ctx) {
  const [units, open] = await Promise.all([accessRepo.listUnits(ctx.db), adminRepo.openByUnit(ctx.db)]);
  return units.map((u) => ({ ...u, kind_label: UNIT_KIND_LABELS[u.kind], open_tickets: open.get(u.id) ?? 0 }));
}

export async function streetMap(ctx: Ctx, districtCode: string) {
  const d = geo.districts.find((x) => x.code === districtCode);
  if (!d) return fail('invalid_input', { zh: `没有该区：${districtCode}`, en: `No such district: ${districtCode}` });
  const units = new Map((await accessRepo.listUnits(ctx.db)).map((u) => [u.id, u]));
  const over = new Map((await adminRepo.stationOverrides(ctx.db)).map((o) => [o.street_code, o.unit_id]));
  const streets: StreetRow[] = d.streets.map((s) => {
    const unitId = over.get(s.code) ?? `S${s.code}`;
    return {
      street_code: s.code,
      street_name: s.name,
      default_unit_id: `S${s.code}`,
      unit_id: unitId,
      unit_name: units.get(unitId)?.name ?? unitId,
      overridden: over.has(s.code),
    };
  });
  const stations = [...units.values()]
    .filter((u) => u.kind === 'station' && u.district_code === districtCode)
    .map((u) => ({ id: u.id, name: u.name }));
  return {
    district: { code: d.code, name: d.name },
    stations,
    streets,
    districts: allDistricts().map((x) => ({ code: x.code, name: x.name })),
  };
}

/** Loads the stored map into the dispatcher (at start-up and after every edit). */
export async function loadStationOverrides(ctx: Pick<Ctx, 'db'>): Promise<void> {
  setStationOverrides(new Map((await adminRepo.stationOverrides(ctx.db)).map((o) => [o.street_code, o.unit_id])));
}
