/**
 * A ticket filed through one web process is found as a similar case through another: files a probe ticket at A, then
 * a near-identical one by another person at A (the same person repeating would be linked as a duplicate), and polls B's similar-case endpoint for the second until the first appears.
 *   npx tsx bench/cross-process.ts http://127.0.0.1:7471 http://127.0.0.1:7472
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../server/modules/access/index.js';

const [a, b] = process.argv.slice(2) as [string, string];
const login = async (url: string, username: string) => {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return ((await r.json()) as { token: string }).token;
};
const tag = randomBytes(3).toString('hex');
const file = async (text: string, n: number) => {
  const r = await fetch(`${a}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(a, 'operator')}` },
    body: JSON.stringify({
      kind: 'complaint',
      client_key: `xp-${tag}-${n}`,
      text,
      complainant: { name: `王五${tag}${n}`, phone: `136${String(parseInt(tag, 16) % 1e7).padStart(7, '0')}${n}` },
      respondent: { name: `上海${tag}健身管理有限公司`, address: '上海市松江区岳阳街道人民北路9号' },
    }),
  });
  return ((await r.json()) as { id: string }).id;
};
const first = await file(`健身房${tag}突然关门跑路，年卡还剩八个月，要求退还预付卡余额`, 1);
const t0 = performance.now();
const second = await file(`健身房${tag}关门了，预付卡余额无法退，老板联系不上`, 2);
const admin = await login(b, 'admin');
for (;;) {
  const r = (await (
    await fetch(`${b}/api/tickets/${second}/similar?k=50`, { headers: { authorization: `Bearer ${admin}` } })
  ).json()) as { items?: { id: string }[] };
  if (r.items?.some((x) => x.id === first)) break;
  if (performance.now() - t0 > 30_000) {
    console.log(JSON.stringify({ bench: 'cross-process-similar', found: false, after_s: 30 }));
    process.exit(1);
  }
  await new Promise((s) => setTimeout(s, 100));
}
console.log(
  JSON.stringify({ bench: 'cross-process-similar', found: true, after_ms: Math.round(performance.now() - t0) }),
);
