import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { isConnectionLoss, isMultiHost, parsePgUrl, retryUnavailable } from './multihost.js';

describe('multi-host connection strings', () => {
  it('parses hosts in order, the database, the user and target_session_attrs like libpq', () => {
    const t = parsePgUrl(
      'postgres://app:s%40cret@10.0.0.1:5433,10.0.0.2,[::1]:6000/xiezhi?target_session_attrs=read-write&connect_timeout=3',
    );
    expect(t.hosts).toEqual([
      { host: '10.0.0.1', port: 5433 },
      { host: '10.0.0.2', port: 5432 },
      { host: '::1', port: 6000 },
    ]);
    expect(t.attrs).toBe('read-write');
    expect(t.base).toMatchObject({
      user: 'app',
      password: 's@cret',
      database: 'xiezhi',
      connectionTimeoutMillis: 3000,
    });
  });

  it('hands single-host URLs without session attributes to pg as they are', () => {
    expect(isMultiHost('postgres://postgres@127.0.0.1:5432/x')).toBe(false);
    expect(isMultiHost('postgres://postgres@127.0.0.1:5432,127.0.0.1:5433/x')).toBe(true);
    expect(isMultiHost('postgres://postgres@127.0.0.1/x?target_session_attrs=standby')).toBe(true);
  });

  it('refuses an unknown target_session_attrs', () => {
    expect(() => parsePgUrl('postgres://h/x?target_session_attrs=fastest')).toThrow(/target_session_attrs/);
  });

  it('tells a lost server from a refused statement', () => {
    expect(isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(
      isConnectionLoss(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      isConnectionLoss(Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' })),
    ).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(new DomainError('conflict', 'x'))).toBe(false);
  });

  it('retries only through connection losses, and gives up as unavailable after its budget', async () => {
    let n = 0;
    expect(
      await retryUnavailable(
        async () => (++n < 3 ? Promise.reject(new Error('Connection terminated unexpectedly')) : 'ok'),
        5_000,
        5,
      ),
    ).toBe('ok');
    expect(n).toBe(3);
    n = 0;
    await expect(
      retryUnavailable(
        async () => {
          n++;
          throw new DomainError('conflict', 'no');
        },
        5_000,
        5,
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(n).toBe(1);
    await expect(
      retryUnavailable(
        async () => {
          throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
        },
        30,
        5,
      ),
    ).rejects.toMatchObject({ code: 'unavailable' });
  });
});
