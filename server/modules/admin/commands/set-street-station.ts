/**
 * An administrator moves a street/town to another station of the same district (or back to its own). Stored in
 * street_stations, audited, and applied to auto-dispatch at once; tickets already dispatched stay where they are
 * (moving them is a transfer, with its own reason and record).
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { accessRepo, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { adminRepo } from '../repository.js';
import { loadStationOverrides } from '../queries/street-map.js';
import geo from '../../../platform/geo/shanghai.json' with { type: 'json' };

export async function setStreetStation(ctx: Ctx, actor: Actor, streetCode: string, unitId: string) {
  const district = geo.districts.find((d) => d.streets.some((s) => s.code === streetCode));
  if (!district)
    return fail('not_found', { zh: `没有该街道/镇：${streetCode}`, en: `No such street or town: ${streetCode}` });
  const unit = await accessRepo.getUnit(ctx.db, unitId);
  if (!unit || unit.kind !== 'station')
    return fail('invalid_input', {
      zh: `${unitId} 不是市场监管所`,
      en: `${unitId} is not a market supervision station.`,
    });
  if (unit.district_code !== district.code)
    return fail('invalid_input', {
      zh: `只能分配给本区（${district.name}）的市场监管所`,
      en: `Only a station of this district (${district.name}) can be assigned.`,
    });
  const before =
    (await adminRepo.stationOverrides(ctx.db)).find((o) => o.street_code === streetCode)?.unit_id ?? `S${streetCode}`;
  await ctx.db.tx(async (q) => {
    if (unitId === `S${streetCode}`) await adminRepo.clearStation(q, streetCode);
    else await adminRepo.setStation(q, streetCode, unitId, actor.id, ctx.now());
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'unit.street_station',
      subjectType: 'street',
      subjectId: streetCode,
      detail: {
        from: before,
        to: unitId,
        to_name: unit.name,
        street_name: district.streets.find((s) => s.code === streetCode)!.name,
      },
    });
  });
  await loadStationOverrides(ctx);
  return { street_code: streetCode, unit_id: unitId, unit_name: unit.name, overridden: unitId !== `S${streetCode}` };
}
