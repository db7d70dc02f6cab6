/**
 * The built UI as a browser gets it: the compressed copy the build wrote when the browser accepts it, hashed assets
 * cached for a year, index.html (and the SPA fallback) revalidated so a release shows on the next load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { testApp } from './test/db.js';
import { buildHttp } from './http.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const js = `console.log(${JSON.stringify('獬豸'.repeat(800))});`;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'xz-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>獬豸</title>');
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), js);
  writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(js));
  writeFileSync(join(dist, 'assets', 'index-AbC123.js.gz'), gzipSync(js));
  app = await testApp();
  http = await buildHttp(app, [], { webDist: dist });
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('the built web UI', () => {
  it('sends the Brotli copy of an asset to a browser that accepts it, cached for a year', async () => {
    const r = await http.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(r.headers['content-length'])).toBeLessThan(Buffer.byteLength(js) / 4);
  });

  it('sends gzip when only gzip is accepted, and the plain file otherwise', async () => {
    const gz = await http.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await http.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('revalidates index.html and the single-page fallback', async () => {
    for (const url of ['/', '/workbench/T123']) {
      const r = await http.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('獬豸');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });
});
