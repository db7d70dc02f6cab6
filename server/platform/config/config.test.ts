import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyBesideData, loadConfig } from './config.js';
import { looseFiles, tightenPermissions } from './permissions.js';

const root = mkdtempSync(join(tmpdir(), 'xz-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const KEY = 'a-master-key-for-tests-0123456789';

describe('master key and data directory', () => {
  it('refuses in production a key file inside or beside the data directory, accepts one elsewhere', () => {
    const data = join(root, 'srv', 'data');
    mkdirSync(join(root, 'srv'), { recursive: true });
    mkdirSync(join(root, 'secrets'), { recursive: true });
    for (const f of [join(data, 'k'), join(root, 'srv', 'k'), join(root, 'secrets', 'k')]) {
      mkdirSync(join(f, '..'), { recursive: true });
      writeFileSync(f, KEY);
    }
    for (const env of [{ NODE_ENV: 'production' }, { XIEZHI_ENV: 'production' }]) {
      expect(() => loadConfig({ dataDir: data, env: { ...env, XIEZHI_KEY_FILE: join(data, 'k') } })).toThrow(
        /refusing to start in production/,
      );
      expect(() => loadConfig({ dataDir: data, env: { ...env, XIEZHI_KEY_FILE: join(root, 'srv', 'k') } })).toThrow(
        /in or beside the data directory/,
      );
      expect(() => loadConfig({ dataDir: data, env })).toThrow(/without a master key/);
      const c = loadConfig({ dataDir: data, env: { ...env, XIEZHI_KEY_FILE: join(root, 'secrets', 'k') } });
      expect(c).toMatchObject({ key: KEY, keySource: 'file', production: true });
      expect(loadConfig({ dataDir: data, env: { ...env, XIEZHI_KEY: KEY } }).keySource).toBe('env');
    }
    expect(keyBesideData('/a/b/data/xiezhi.key', '/a/b/data')).toBe(true);
    expect(keyBesideData('/a/b/xiezhi.key', '/a/b/data')).toBe(true);
    expect(keyBesideData('/etc/xiezhi/key', '/a/b/data')).toBe(false);
  });

  it('outside production creates a key (0600) only for a new directory, and the directory 0700', () => {
    const data = join(root, 'dev');
    const c = loadConfig({ dataDir: data, env: {} });
    expect(c.keySource).toBe('generated');
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(c.keyFile!).mode & 0o777).toBe(0o600);
    expect(loadConfig({ dataDir: data, env: {} }).key).toBe(c.key);
    const old = join(root, 'old-db');
    mkdirSync(old);
    writeFileSync(join(old, 'PG_VERSION'), '17');
    expect(() => loadConfig({ dataDir: old, env: {} })).toThrow(/holds a database but no key/);
  });

  it('tightens a world-writable tree and a loose key file', () => {
    const d = join(root, 'loose');
    mkdirSync(join(d, 'base', '1'), { recursive: true, mode: 0o777 });
    writeFileSync(join(d, 'base', '1', '1259'), 'x', { mode: 0o666 });
    writeFileSync(join(root, 'loose.key'), KEY, { mode: 0o644 });
    expect(looseFiles(d).length).toBeGreaterThan(0);
    tightenPermissions(d);
    expect(looseFiles(d)).toEqual([]);
    loadConfig({ dataDir: join(root, 'other'), env: { XIEZHI_KEY_FILE: join(root, 'loose.key') } });
    expect(statSync(join(root, 'loose.key')).mode & 0o777).toBe(0o600);
  });
  it('rejects a short key', () => {
    expect(() => loadConfig({ dataDir: join(root, 'x'), env: { XIEZHI_KEY: 'short' } })).toThrow(/16 characters/);
  });
});
