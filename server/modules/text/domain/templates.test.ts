import { describe, expect, it } from 'vitest';
import { TemplateClusterer, clusterTemplates } from './templates.js';
import { textJaccard } from './shingles.js';

// distinct CJK characters, so that a window [from, to) of them has exactly to-from-2 distinct 3-shingles
const CH = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x5000 + i * 3));
const win = (from: number, to: number) => CH.slice(from, to).join('');
const tk = (id: string, text: string) => ({ id, received_at: '2026-01-01', text, complainant: { id: `p-${id}` } });

describe('TemplateClusterer', () => {
  it('reports exact Jaccard as similarity', () => {
    const c = new TemplateClusterer();
    const a = c.add(tk('a', win(0, 100)));
    const b = c.add(tk('b', win(20, 120)));
    expect(c.similarity(a, b)).toBeCloseTo(textJaccard(win(0, 100), win(20, 120)), 10);
    expect(c.similarity(a, a)).toBe(1);
  });

  it('does not chain: a run of texts each close to the next does not become one cluster', () => {
    const texts = Array.from({ length: 10 }, (_, i) => win(i * 20, i * 20 + 100));
    expect(textJaccard(texts[0]!, texts[1]!)).toBeGreaterThan(0.6);
    expect(textJaccard(texts[0]!, texts[2]!)).toBeLessThan(0.5);
    const c = new TemplateClusterer();
    const docs = texts.map((t, i) => c.add(tk(`t${i}`, t)));
    // neighbours are verified and joined in pairs; no cluster holds two texts below 0.5 of each other
    expect(c.clusterOf(docs[1]!)).toBe(c.clusterOf(docs[0]!));
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        if (c.clusterOf(docs[i]!) === c.clusterOf(docs[j]!))
          expect(textJaccard(texts[i]!, texts[j]!)).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it('merges two clusters when a verified pair links them and their representatives agree', () => {
    const A = win(0, 100);
    const B = win(30, 130);
    const M = win(15, 115);
    expect(textJaccard(A, B)).toBeLessThan(0.6);
    expect(textJaccard(A, B)).toBeGreaterThanOrEqual(0.5);
    const c = new TemplateClusterer();
    const a = c.add(tk('a', A));
    const b = c.add(tk('b', B));
    expect(c.clusterOf(b)).not.toBe(c.clusterOf(a));
    const m = c.add(tk('m', M));
    expect(c.clusterOf(m)).toBe(a);
    expect(c.clusterOf(b)).toBe(a); // the older representative stays
    const out = c.clusters(3);
    expect(out).toHaveLength(1);
    expect(out[0]!.cluster_id).toBe('tpl-a');
    expect(out[0]!.exemplar).toBe(A);
  });

  it('keeps unrelated and very short texts out, and survives empty and huge input', () => {
    const out = clusterTemplates([
      tk('1', win(0, 80)),
      tk('2', win(0, 80)),
      tk('3', win(0, 80)),
      tk('4', win(200, 280)),
      tk('5', '退款'),
      tk('6', ''),
      tk('7', '投诉'.repeat(300_000)),
    ]);
    expect(out.map((t) => t.ticket_ids)).toEqual([['1', '2', '3']]);
  });
});
