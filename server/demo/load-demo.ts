/**
 * Loads the demo city into an empty database: a simulated year of tickets up to yesterday (server/modules/simulation),
 * the ODR-enrolled enterprises, a workflow history for the older tickets, and one account per role placed where the
 * work is (the officer at the busiest station, the enterprise account at the busiest ODR enterprise).
 */
import type { App } from '../app.js';
import { accessRepo, seedDemoAccounts, SYSTEM } from '../modules/access/index.js';
import { ingestTickets, normaliseBusinessKey } from '../modules/intake/index.js';
import { odrRepo } from '../modules/odr/index.js';
import { simulateCity } from '../modules/simulation/index.js';
import { ticketRepo } from '../modules/workflow/index.js';
import type { TifTicket } from '../../shared/tif.js';
import { ageHistory } from './age-history.js';
import { withoutSecondaryIndexes } from '../platform/db/index.js';
import { actOnEntry, proposeEntries, listEntries } from '../modules/abnormal-list/index.js';
import type { Actor } from '../modules/access/index.js';

export interface DemoResult {
  loaded: boolean;
  tickets: number;
  seconds: number;
  officerUnit?: string;
  enterprise?: string;
}

export async function loadDemo(
  app: App,
  o: { tickets: number; seed: number; onProgress?: (n: number, total: number) => void },
): Promise<DemoResult> {
  const t0 = Date.now();
  await seedDemoAccounts(app.db);
  if ((await ticketRepo.count(app.db)) > 0)
    return { loaded: false, tickets: await ticketRepo.count(app.db), seconds: 0 };
  const today = app.today();
  const end = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
  const city = simulateCity({ tickets: o.tickets, seed: o.seed, end, days: 365 });
  await odrRepo.upsert(
    app.db,
    city.businesses
      .filter((b) => b.odr)
      .map((b) => ({
        key: normaliseBusinessKey(b.name),
        name: b.is_platform ? `${b.name}（${b.legal_name}）` : b.name,
        credit_code: b.credit_code,
        odr: true,
        odr_since: '2024-01-01',
      })),
  );
  let batch: TifTicket[] = [];
  let n = 0;
  await withoutSecondaryIndexes(app.db, ['tickets', 'ticket_events'], async () => {
    for (const t of city.tickets) {
      batch.push(t);
      if (batch.length === 2500) {
        await ingestTickets(app, batch, { source: 'sim', actor: SYSTEM });
        n += batch.length;
        o.onProgress?.(n, o.tickets);
        batch = [];
      }
    }
    if (batch.length) {
      await ingestTickets(app, batch, { source: 'sim', actor: SYSTEM });
      n += batch.length;
      o.onProgress?.(n, o.tickets);
    }
    await ageHistory(app.db, app.cal(), today, o.seed);
  });
  const busiest = await ticketRepo.busiestStations(app.db, 1);
  if (busiest[0]) {
    await accessRepo.setUserUnit(app.db, 'officer', busiest[0].unit_id);
    await accessRepo.setUserUnit(app.db, 'supervisor', busiest[0].district_code);
    // officer2: the busiest other station of the same district (so the jurisdiction check has tickets on both sides)
    const other = (await ticketRepo.busiestStations(app.db, 1, busiest[0].district_code, busiest[0].unit_id))[0];
    if (other) await accessRepo.setUserUnit(app.db, 'officer2', other.unit_id);
  }
  const ent = await odrRepo.busiest(app.db);
  if (ent) await accessRepo.setUserEnterprise(app.db, 'enterprise', ent.key);
  return {
    loaded: true,
    tickets: n,
    seconds: (Date.now() - t0) / 1000,
    officerUnit: busiest[0]?.unit_id,
    enterprise: ent?.name,
  };
}

/**
 * The model's proposals for the demo city, with a few already through review so the list shows its whole life
 * cycle. Run in the background once the server is up (scoring a city takes a while; the platform works meanwhile).
 */
export async function proposeDemoEntries(app: App): Promise<{ proposed: number }> {
  if ((await listEntries(app, { ...SYSTEM, role: 'admin' }, { limit: 1 })).total > 0) return { proposed: 0 };
  const r = await proposeEntries(app);
  const reviewer = (district: string | null): Actor => ({
    id: 'demo-supervisor',
    username: 'supervisor',
    role: 'supervisor',
    displayName: '区局监督员',
    unitId: district,
    districtCode: district,
    enterpriseKey: null,
  });
  // the demo supervisor's district first (the supervisor is seated at the busiest station's district): that account
  // sees its own district only, and the list should show it every step of the life cycle
  const home = (await ticketRepo.busiestStations(app.db, 1))[0]?.district_code ?? null;
  const proposals = (await listEntries(app, { ...SYSTEM, role: 'admin' }, { state: 'proposed', limit: 200 })).items
    .sort((x, y) => Number(y.district_code === home) - Number(x.district_code === home))
    .slice(0, 8);
  for (const [i, e] of proposals.entries()) {
    const who = reviewer(e.district_code);
    await actOnEntry(app, who, e.id, 'start_review');
    if (i < 4) {
      await actOnEntry(app, who, e.id, 'list', {
        legal_basis:
          '《上海市消费者权益保护条例》第六十六条第二款；《市场监督管理投诉举报处理办法》第十六条第一款第三项',
      });
      if (i < 3) await actOnEntry(app, who, e.id, 'notify');
    } else if (i === 7)
      await actOnEntry(app, who, e.id, 'reject', { reason: '投诉内容真实、诉求合理，不符合列入条件' });
  }
  return { proposed: r.proposed };
}
