/**
 * Person resolution and the identity graph.
 *
 * A *person* is one individual: the source's own `complainant.id` when it has one (its resolution is authoritative),
 * otherwise the union of the keyed hashes of ID number, phone+name and name+address seen together on a ticket.
 * A *group* links different persons that share an identifier (phone, ID number, normalised address, bank account,
 * device) — the "several identities" of the Yueyang guidance 二(四). Union-find keeps both incremental.
 */
import type { TifTicket } from '../../../../shared/tif.js';
import { type Hasher, normAddress, normIdNumber, normName, normPhone, normToken } from './identity.js';

export class UnionFind {
  private parent: number[] = [];
  private size: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    this.size.push(1);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const n = this.parent[x]!;
      this.parent[x] = r;
      x = n;
    }
    return r;
  }
  union(a: number, b: number): number {
    let ra = this.find(a),
      rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
  sizeOf(x: number): number {
    return this.size[this.find(x)]!;
  }
}

export type LinkKind = 'id_number' | 'phone' | 'address' | 'bank' | 'device';
export const LINK_LABELS: Record<LinkKind, string> = {
  id_number: '身份证号',
  phone: '手机号',
  address: '联系地址',
  bank: '银行账户',
  device: '设备',
};
/** Strong links identify one controller; a shared address also describes families and dormitories. */
export const STRONG_LINKS: ReadonlySet<LinkKind> = new Set(['id_number', 'phone', 'bank', 'device']);

const BANK_FIELDS = ['bank_account', 'bank', 'account', 'payee_account', 'card_no', '银行账户', '收款账户'];
const DEVICE_FIELDS = ['device_id', 'device', 'imei', 'udid', '设备号'];

export interface TicketIdentity {
  /** keys that name the same individual */
  personKeys: string[];
  /** the id to print: the source's complainant.id, else a keyed hash (never a raw identifier) */
  displayId: string | null;
  nameHash: string | null;
  /** identifier tokens for the group graph */
  tokens: { kind: LinkKind; hash: string }[];
}

export function identify(t: TifTicket, hash: Hasher): TicketIdentity {
  const c = t.complainant ?? {};
  const name = normName(c.name);
  const nameHash = name ? hash('name', name) : null;
  const idn = normIdNumber(c.id_number);
  const phone = normPhone(c.phone);
  const addr = normAddress(c.address);
  const tokens: { kind: LinkKind; hash: string }[] = [];
  if (idn) tokens.push({ kind: 'id_number', hash: hash('idn', idn) });
  if (phone) tokens.push({ kind: 'phone', hash: hash('phone', phone) });
  if (addr) tokens.push({ kind: 'address', hash: hash('addr', addr) });
  const ex = t.extra;
  if (ex) {
    for (const f of BANK_FIELDS) {
      const v = normToken(ex[f]);
      if (v) {
        tokens.push({ kind: 'bank', hash: hash('bank', v) });
        break;
      }
    }
    for (const f of DEVICE_FIELDS) {
      const v = normToken(ex[f]);
      if (v) {
        tokens.push({ kind: 'device', hash: hash('device', v) });
        break;
      }
    }
  }
  if (c.id) return { personKeys: ['c:' + c.id], displayId: String(c.id), nameHash, tokens };
  const keys: string[] = [];
  if (idn) keys.push('i:' + hash('idn', idn));
  if (phone) keys.push('p:' + hash('pn', phone + '|' + (name ?? '')));
  if (name && addr) keys.push('n:' + hash('na', name + '|' + addr));
  return { personKeys: keys, displayId: keys.length ? 'h:' + keys[0]!.slice(2) : null, nameHash, tokens };
}

/** Identity graph over person indices; per person the other persons it shares each kind of identifier with. */
export class IdentityGraph {
  readonly uf = new UnionFind();
  private owners = new Map<string, number[]>();
  /** person → kind → linked persons (capped: the evidence needs counts, not every member of a huge component) */
  readonly links: Map<LinkKind, Set<number>>[] = [];

  addPerson(): number {
    this.links.push(new Map());
    return this.uf.add();
  }

  /** Registers one identifier of a person; returns the persons newly linked to it. */
  addToken(p: number, kind: LinkKind, hash: string): number[] {
    const key = kind + ':' + hash;
    let own = this.owners.get(key);
    if (!own) {
      this.owners.set(key, [p]);
      return [];
    }
    if (own.includes(p)) return [];
    const linked = own.slice();
    if (own.length < 64) own.push(p);
    for (const q of linked) {
      this.uf.union(p, q);
      this.linkOne(p, kind, q);
      this.linkOne(q, kind, p);
    }
    return linked;
  }

  private linkOne(p: number, kind: LinkKind, q: number): void {
    const m = this.links[p]!;
    let s = m.get(kind);
    if (!s) m.set(kind, (s = new Set()));
    if (s.size < 64) s.add(q);
  }

  groupOf(p: number): number {
    return this.uf.find(p);
  }
  groupSize(p: number): number {
    return this.uf.sizeOf(p);
  }
}
