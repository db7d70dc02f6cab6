import { describe, expect, it } from 'vitest';
import { IdentityGraph, UnionFind, identify } from './graph.js';
import { keyedHasher, normAddress, normIdNumber, normPhone } from './identity.js';
import { RiskState } from './state.js';

describe('identifier normalisation and keyed hashes', () => {
  it('normalises phones, ID numbers and addresses', () => {
    expect(normPhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normPhone('138****5678')).toBeNull();
    expect(normIdNumber('31010119900101123x')).toBe('31010119900101123X');
    expect(normIdNumber('12345')).toBeNull();
    expect(normAddress('上海市徐汇区漕溪北路１００弄5号')).toBe(normAddress('徐汇区 漕溪北路100弄5号'));
  });

  it('hashes are keyed: same key same hash, another key another hash; no raw value in the output', () => {
    const a = keyedHasher('k1'),
      b = keyedHasher('k2');
    expect(a('phone', '13812345678')).toBe(keyedHasher('k1')('phone', '13812345678'));
    expect(a('phone', '13812345678')).not.toBe(b('phone', '13812345678'));
    expect(a('phone', '13812345678')).toMatch(/^[0-9a-f]{16}$/);
    const id = identify(
      {
        id: 't',
        received_at: '2025-01-01',
        complainant: { name: '李四', phone: '13812345678', id_number: '310101199001011234' },
      },
      a,
    );
    expect(JSON.stringify(id)).not.toMatch(/13812345678|310101199001011234|李四/);
  });
});

describe('person resolution and identity graph', () => {
  it('joins tickets without a source id on ID number, phone+name or name+address', () => {
    const st = new RiskState({ key: 'k' });
    const p1 = st.ingest({
      id: 'a',
      received_at: '2025-01-01',
      complainant: { name: '王五', phone: '13900000001', id_number: '310101199001011234' },
    });
    const p2 = st.ingest({ id: 'b', received_at: '2025-01-02', complainant: { name: '王五', phone: '139 0000 0001' } });
    const p3 = st.ingest({ id: 'c', received_at: '2025-01-03', complainant: { id_number: '310101199001011234' } });
    const p4 = st.ingest({ id: 'd', received_at: '2025-01-04', complainant: { name: '赵六', phone: '13900000001' } });
    expect(p2).toBe(p1);
    expect(p3).toBe(p1);
    expect(p4).not.toBe(p1); // another name on the same phone: another person, linked in the graph
    expect(st.graph.groupOf(p4)).toBe(st.graph.groupOf(p1));
    expect(st.persons[p1]!.displayId).toMatch(/^h:[0-9a-f]{16}$/);
    expect(st.ingest({ id: 'e', received_at: '2025-01-05' })).toBe(-1);
  });

  it('union-find groups transitively; links are kept per kind', () => {
    const uf = new UnionFind();
    for (let i = 0; i < 5; i++) uf.add();
    uf.union(0, 1);
    uf.union(3, 4);
    uf.union(1, 4);
    expect(uf.sizeOf(0)).toBe(4);
    expect(uf.find(2)).toBe(2);
    const g = new IdentityGraph();
    const a = g.addPerson(),
      b = g.addPerson(),
      c = g.addPerson();
    g.addToken(a, 'bank', 'x');
    g.addToken(b, 'bank', 'x');
    g.addToken(c, 'device', 'y');
    g.addToken(b, 'device', 'y');
    expect(g.groupSize(a)).toBe(3);
    expect([...g.links[b]!.get('bank')!]).toEqual([a]);
    expect([...g.links[b]!.get('device')!]).toEqual([c]);
  });
});
