#!/usr/bin/env node
/**
 * A loopback 12345 centre for demos and browser tests: accepts the replies Xiezhi sends (POST, JSON), drops repeats by
 * their Idempotency-Key, and prints one line per request. `--fail K` answers 500 to the first K requests.
 *   node scripts/loopback-12345.mjs --port 41021 [--fail 2]
 *   XIEZHI_12345_URL=http://127.0.0.1:41021/replies npx xiezhi serve ...
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, fail: { type: 'string' } } });
const port = Number(values.port ?? '');
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: loopback-12345.mjs --port N [--fail K]');
  process.exit(2);
}
let fail = Number(values.fail ?? 0);
const seen = new Set();
createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const key = String(req.headers['idempotency-key'] ?? '');
    if (fail-- > 0) {
      console.log(`500 ${key} (failing on purpose)`);
      return res.writeHead(500).end();
    }
    const repeat = seen.has(key);
    seen.add(key);
    let msg = {};
    try {
      msg = JSON.parse(raw);
    } catch {
      /* logged as empty */
    }
    console.log(`200 ${key}${repeat ? ' (repeat, dropped)' : ''} ${msg.kind ?? ''} ${msg.work_order_no ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, duplicate: repeat }));
  });
}).listen(port, '127.0.0.1', () => console.log(`loopback 12345 centre on http://127.0.0.1:${port}/replies`));
