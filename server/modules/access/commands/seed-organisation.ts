/** Creates the units (city, districts, stations) and, for a demo, one account per role. Idempotent. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { Role } from '../../../../shared/domain.js';
import { hashPassword } from '../domain/password.js';
import { buildUnits } from '../domain/units.js';
import { accessRepo } from '../repository.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitId: string | null;
  enterpriseKey?: string | null;
}

export const DEMO_PASSWORD = 'xiezhi2026';

/** Default demo accounts; the demo loader moves `officer` to the busiest station and `enterprise` to a busy ODR firm. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'officer',
    password: DEMO_PASSWORD,
    role: 'officer',
    displayName: '王办案（市场监管所）',
    unitId: 'S310117001',
  },
  {
    username: 'officer2',
    password: DEMO_PASSWORD,
    role: 'officer',
    displayName: '李办案（另一所）',
    unitId: 'S310117002',
  },
  {
    username: 'supervisor',
    password: DEMO_PASSWORD,
    role: 'supervisor',
    displayName: '陈督办（区局）',
    unitId: '310117',
  },
  { username: 'analyst', password: DEMO_PASSWORD, role: 'analyst', displayName: '赵分析（市局）', unitId: 'city' },
  {
    username: 'operator',
    password: DEMO_PASSWORD,
    role: 'operator',
    displayName: '孙话务（12315热线）',
    unitId: 'city',
  },
  {
    username: 'enterprise',
    password: DEMO_PASSWORD,
    role: 'enterprise',
    displayName: 'ODR企业客服',
    unitId: null,
    enterpriseKey: null,
  },
  { username: 'partner', password: DEMO_PASSWORD, role: 'partner', displayName: '协作部门（公安）', unitId: null },
  { username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '系统管理员', unitId: 'city' },
  {
    username: 'monitor',
    password: DEMO_PASSWORD,
    role: 'monitor',
    displayName: '网络交易监测中心（第三方）',
    unitId: null,
  },
  { username: 'consumer', password: DEMO_PASSWORD, role: 'public', displayName: '消费者', unitId: null },
];

export async function seedOrganisation(db: Db): Promise<void> {
  await accessRepo.upsertUnits(db, buildUnits());
}

export async function createUser(db: Db, a: DemoAccount): Promise<boolean> {
  return accessRepo.insertUser(db, {
    id: randomUUID(),
    username: a.username,
    password_hash: hashPassword(a.password),
    display_name: a.displayName,
    role: a.role,
    unit_id: a.unitId,
    enterprise_key: a.enterpriseKey ?? null,
  });
}

export async function seedDemoAccounts(db: Db): Promise<void> {
  for (const a of DEMO_ACCOUNTS) await createUser(db, a);
}
