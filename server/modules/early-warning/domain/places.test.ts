import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { loadTif } from '../../../platform/tif/index.js';
import { findPlaces } from './places.js';
import { BREAKS, trimName } from './trim-name.js';

const names = (t: string) => findPlaces(t).map((p) => `${p.kind}:${p.name}`);

describe('places named in the text', () => {
  it('reads a housing estate out of a hotline sentence, without the address before it', () => {
    expect(names('投诉晋安区鼓山镇福马路998号石鼓琴湾（鼓山花苑）旁边洋里溪经过改造后，溪内没有水')).toEqual([
      'address:福马路998号',
      'estate:石鼓琴湾',
      'estate:鼓山花苑',
    ]);
  });
  it('keeps a whole estate name and groups its spellings', () => {
    const a = findPlaces('我们万科金域华府小区的车位被开发商捆绑销售');
    const b = findPlaces('仓山区万科金域华府车位只售不租');
    expect(a[0]?.name).toBe('万科金域华府小区');
    expect(a[0]?.key).toBe(b[0]?.key);
    expect(names('流经西园雅居东区的内河又黑又臭')).toEqual(['estate:西园雅居']);
  });
  it('folds an estate word into one key when three characters of name are left, not for a two-character stem', () => {
    const key = (t: string) => findPlaces(t)[0]?.key;
    expect(key('融侨锦江业主反映车位捆绑销售')).toBe(key('反映融侨锦江小区车位只售不租'));
    expect(key('泰禾红树林业主反映车位捆绑销售')).toBe(key('投诉泰禾红树林小区车位捆绑销售'));
    expect(key('投诉鼓山花苑车位捆绑销售')).not.toBe(key('投诉鼓山小区车位捆绑销售'));
    expect(key('投诉鼓山花园车位捆绑销售')).not.toBe(key('投诉鼓山花苑车位捆绑销售'));
  });
  it('finds a plant named as a nuisance, a project and a market', () => {
    expect(names('城东搅拌站每天夜里噪音很大')).toContain('plant:城东搅拌站');
    expect(names('仓山区金港河项目每天中午1点就开始施工')).toContain('project:金港河项目');
    expect(names('在五里亭农贸市场买到过期食品')).toContain('market:五里亭农贸市场');
  });
  it('finds an outlet or business named in the text', () => {
    expect(names('本人于6月12号投诉滁州天长博洛尼店，合同到期逾期不交货')).toContain('business:滁州天长博洛尼店');
    expect(names('悦动健身房突然关门，会员费不退')).toContain('business:悦动健身房');
  });
  it('never returns a generic place word or a government office', () => {
    expect(names('我们小区旁边的工地，希望政府尽快处理，影响周边居民')).toEqual([]);
    expect(names('这家酒店的餐厅一般')).toEqual([]);
  });
  it('reads neither the work being done nor original parts as a place (real 黑猫 and 车质网 texts)', () => {
    expect(names('公司提供的装修工程质量很差，隐蔽工程没有验收')).toEqual([]);
    expect(names('对房屋进行全屋改造工程，至今未完成项目')).toEqual([]);
    expect(names('吉利缤瑞更换非原厂配件，4S店承诺赠送原厂脚垫')).toEqual([]);
    expect(names('北京天坛装饰工程有限公司拖延工期')).toEqual(['business:北京天坛装饰工程有限公司']);
    expect(names('仓山区金港河项目每天中午1点就开始施工')).toContain('project:金港河项目');
  });
  it('trims a name at the last word that cannot be part of it', () => {
    expect(trimName('严重影响东光', '花园')).toBe('东光');
    expect(trimName('我们', '小区')).toBe('');
  });
});

/** The former trimName (a loop over every break word with lastIndexOf/indexOf), to check the one-pass version. */
function trimNameReference(head: string): string {
  let s = head;
  for (let guard = 0; guard < 8; guard++) {
    let cut = -1;
    for (const b of BREAKS) {
      const i = s.lastIndexOf(b);
      if (i >= 0 && i + b.length > cut && s.length - (i + b.length) >= 1) cut = i + b.length;
    }
    for (let i = s.length - 1; i >= 2; i--) {
      if (/[省市区县镇乡]$/u.test(s[i]!) && i + 1 > cut && s.length - (i + 1) >= 1) {
        if (s[i] === '市' && (s[i + 1] === '场' || s[i + 1] === '政')) continue;
        cut = i + 1;
        break;
      }
    }
    if (cut <= 0) break;
    for (const b of BREAKS) {
      if (b.length < 2) continue;
      for (let i = s.indexOf(b); i >= 0; i = s.indexOf(b, i + 1)) if (i < cut && i + b.length > cut) return '';
    }
    s = s.slice(cut);
  }
  const set = new Set(BREAKS);
  return set.has(s) || set.has(s.slice(-1)) ? '' : s;
}

describe('trimName', () => {
  const DATA = new URL('../../../../../shared/data/', import.meta.url);
  const sets = ['fuzhou-12345', 'heimao-furnishing'];
  it.skipIf(!sets.every((n) => existsSync(new URL(`${n}.tif.jsonl.gz`, DATA))))(
    'gives what the former loop gave on every 1–14 character head of real texts',
    async () => {
      let n = 0;
      let diff: string[] = [];
      for (const name of sets) {
        const { tickets } = await loadTif([new URL(`${name}.tif.jsonl.gz`, DATA).pathname]);
        for (const t of tickets) {
          const s = `${t.title ?? ''}${t.text ?? ''}`.slice(0, 200);
          for (let e = 1; e <= s.length; e++)
            for (const len of [5, 14]) {
              const head = s.slice(Math.max(0, e - len), e);
              n++;
              if (trimName(head, '') !== trimNameReference(head)) diff.push(head);
            }
        }
      }
      diff = diff.slice(0, 5);
      expect(n).toBeGreaterThan(50_000);
      expect(diff).toEqual([]);
    },
    120_000,
  );
});
