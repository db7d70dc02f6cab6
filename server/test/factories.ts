/**
 * Test factories: the setup the db tests kept writing out by hand — a filing body, an account of a role, logged-in
 * callers of the HTTP API. Each call gives a different person and name, so two filings are never linked as repeats
 * and two accounts never collide on the username.
 */
import type { Db } from '../platform/db/index.js';
import type { Http } from '../platform/http/index.js';
import { createUser, DEMO_PASSWORD, type DemoAccount } from '../modules/access/index.js';
import type { Role } from '../../shared/domain.js';

let seq = 0;
const next = () => ++seq;

export interface TicketBody {
  kind: 'complaint' | 'report' | 'consultation';
  client_key?: string;
  text: string;
  title?: string;
  complainant: { name?: string; phone?: string; id_number?: string; address?: string };
  respondent: { name?: string; address?: string; platform?: string };
  amount?: number;
  [field: string]: unknown;
}

/** The body of POST /api/tickets: a complaint about a Songjiang gym's prepaid card, by a different person each call. */
export function buildTicket(over: Partial<TicketBody> = {}): TicketBody {
  const n = next();
  return {
    kind: 'complaint',
    client_key: `ticket-${n}`,
    text: `预付卡商家关门，多次联系无果，要求退款（第${n}张卡）`,
    complainant: { name: `王女士${n}`, phone: `139${String(n).padStart(8, '0')}` },
    respondent: { name: '上海某某健身有限公司', address: '上海市松江区岳阳街道人民北路100号' },
    ...over,
  };
}

/** An account of `role` (password DEMO_PASSWORD) in `unitId`; returns it, its username unique in this process. */
export async function buildUser(db: Db, role: Role, over: Partial<DemoAccount> = {}): Promise<DemoAccount> {
  const a: DemoAccount = {
    username: `${role}-${next()}`,
    password: DEMO_PASSWORD,
    role,
    displayName: `测试${role}`,
    unitId: null,
    ...over,
  };
  if (!(await createUser(db, a))) throw new Error(`buildUser: username ${a.username} is taken`);
  return a;
}

/** A station officer (the demo officer's station, 松江区岳阳市场监管所, unless `unitId` says otherwise). */
export const buildOfficer = (db: Db, over: Partial<DemoAccount> = {}) =>
  buildUser(db, 'officer', { unitId: 'S310117001', displayName: '测试办案人员', ...over });

/** Logs each username in (password DEMO_PASSWORD unless given) and returns their bearer tokens. */
export async function signIn(
  http: Http,
  usernames: string[],
  password = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const u of usernames) {
    const r = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password } });
    if (r.statusCode !== 200) throw new Error(`signIn: ${u} got ${r.statusCode} ${r.body}`);
    tokens[u] = (r.json() as { token: string }).token;
  }
  return tokens;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** `body` is whatever JSON the route answered: a test reads it as the assertion needs */
export type Answer = { status: number; body: any; raw: string };

/** `call(user, method, url, payload)` as `user` (a key of `tokens`, or null for anonymous); JSON bodies parsed. */
export function apiCaller(http: Http, tokens: Record<string, string>) {
  return async (user: string | null, method: Method, url: string, payload?: object): Promise<Answer> => {
    const r = await http.inject({
      method,
      url,
      payload,
      headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
    });
    const json = r.headers['content-type']?.toString().includes('json');
    return { status: r.statusCode, body: json ? r.json() : r.body, raw: r.body };
  };
}
