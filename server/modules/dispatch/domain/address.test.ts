import { describe, expect, it } from 'vitest';
import { parseAddress } from './address.js';
import { dispatch, creditCodePlace } from './jurisdiction.js';

const d = (respondentAddress: string, extra: Partial<Parameters<typeof dispatch>[0]> = {}) =>
  dispatch({ kind: 'complaint', respondentAddress, ruleVersion: 'order121', ...extra });

describe('address parser: the highest level written decides', () => {
  it.each([
    ['深圳市南山区天山路100号', '广东省', '深圳市', '南山区'],
    ['北京市海淀区天山路130号', '北京市', '北京市', '海淀区'],
    ['福建省泉州市晋江市天山路9号', '福建省', '泉州市', '晋江市'],
    ['江苏省南京市鼓楼区四平路383号', '江苏省', '南京市', '鼓楼区'],
    ['深圳南山区科技园', '广东省', '深圳市', '南山区'],
    ['广西壮族自治区南宁市青秀区民族大道', '广西壮族自治区', '南宁市', '青秀区'],
    ['内蒙古呼和浩特市玉泉区', '内蒙古自治区', '呼和浩特市', '玉泉区'],
    ['浙江舟山市普陀区沈家门', '浙江省', '舟山市', '普陀区'],
  ])('%s is outside Shanghai, in %s %s %s', (addr, province, city, county) => {
    const p = parseAddress(addr);
    expect(p.shanghai).toBe(false);
    expect(p.district_code).toBeNull();
    expect([p.province, p.city, p.county]).toEqual([province, city, county]);
    expect(p.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads road and number after the divisions', () => {
    const p = parseAddress('深圳市南山区天山路100号');
    expect([p.road, p.number]).toEqual(['天山路', '100号']);
  });

  it.each([
    ['南京西路1038号', '310106'],
    ['南京西路1038号梅龙镇广场', '310106'],
    ['七宝镇青年路12号', '310112'],
    ['上海市松江区岳阳街道人民北路123号', '310117'],
    ['上海浦东新区张杨路500号', '310115'],
    ['普陀区长寿路', '310107'],
    ['徐汇区漕溪北路88号', '310104'],
    ['宝山汶水路', '310113'],
  ])('a Shanghai address %s reaches district %s', (addr, code) => {
    const p = parseAddress(addr);
    expect(p.shanghai).toBe(true);
    expect(p.district_code).toBe(code);
  });

  it('gives lower confidence to a street name alone than to a written district', () => {
    expect(parseAddress('南京西路1038号').confidence).toBeLessThan(
      parseAddress('上海市静安区南京西路1038号').confidence,
    );
  });

  it('leaves the district empty and says why when Shanghai is named without a district', () => {
    const p = parseAddress('上海市羽山路166号');
    expect(p.shanghai).toBe(true);
    expect(p.district_code).toBeNull();
    expect(p.ambiguous).toMatch(/未写区/);
  });

  it('does not read road, river or street names made of place names as places', () => {
    expect(parseAddress('上海市黄浦区北京东路100号').district_code).toBe('310101');
    expect(parseAddress('北京东路').shanghai).toBeNull();
    expect(parseAddress('上海市黄浦区松江路1号').district_code).toBe('310101');
  });

  it('knows 上海街道 is a street of Fuzhou, not the city', () => {
    const p = parseAddress('上海街道黎明新村');
    expect(p.shanghai).toBe(false);
    expect(p.city).toBe('福州市');
    expect(parseAddress('白马支路上海街道黎明新村小区居民', 'text').shanghai).not.toBe(true);
  });

  it('in free text does not take words for Shanghai towns (建设, 新村, 金山)', () => {
    for (const t of [
      '小区及小学建设，不知道什么时候完工',
      '红江新村浦上河建议做石头栏杆',
      '金山碧水二期步行街内河还是黑臭的',
    ]) {
      expect(parseAddress(t, 'text').district_code).toBeNull();
    }
  });

  it("in free text ignores a place named in passing (湖南小炒肉) but takes a shop's place (大连金三角店)", () => {
    expect(parseAddress('小炒肉真心不是湖南小炒肉', 'text').shanghai).toBeNull();
    const p = parseAddress('曲美买了1年半，大连金三角店，买的整套榻榻米柜子', 'text');
    expect(p.shanghai).toBe(false);
    expect(p.city).toBe('大连市');
  });

  it('does not guess between clues that disagree', () => {
    const p = parseAddress('天山路100号，深圳', 'address');
    expect(p.district_code).toBeNull();
    expect(p.ambiguous).toBeTruthy();
  });

  it('survives bad input', () => {
    for (const x of ['', '   ', '😀😀😀', 'x'.repeat(1_000_000), '１３５****１２３４', 'Room 5, Shanghai'])
      expect(() => parseAddress(x, 'text')).not.toThrow();
    expect(parseAddress(undefined).shanghai).toBeNull();
  });
});

describe('dispatch by legal jurisdiction', () => {
  it.each([
    ['深圳市南山区天山路100号', '深圳市'],
    ['北京市海淀区天山路130号', '北京市'],
    ['福建省泉州市晋江市天山路9号', '泉州市'],
  ])('never puts %s in a Shanghai station: referral with the city named', (addr, city) => {
    const r = d(addr);
    expect(r.district_code).toBeNull();
    expect(r.unit_id).toBe('triage');
    expect(r.suggested_action).toBe('refer_out');
    expect(r.refer_to?.city).toBe(city);
    expect(r.basis).toContain(city);
    expect(r.basis).toMatch(/移送/);
  });

  it('refers a seller on a Shanghai platform that displays an out-of-town address (Order 121)', () => {
    const r = d('福建省泉州市晋江市源深路534号', { platform: '拼多多' });
    expect(r.suggested_action).toBe('refer_out');
    expect(r.district_code).toBeNull();
  });

  it('reads the domicile from the unified social credit code', () => {
    expect(creditCodePlace('91310113448209259M')?.code).toBe('310113');
    expect(creditCodePlace('not a code')).toBeNull();
    const r = dispatch({
      kind: 'complaint',
      respondentName: '上海途家建筑装潢有限公司',
      respondentCreditCode: '91310113448209259M',
      ruleVersion: 'order121',
    });
    expect(r.district_code).toBe('310113');
    const out = dispatch({
      kind: 'complaint',
      respondentName: '某某公司',
      respondentCreditCode: '91330106885444978K',
      ruleVersion: 'order121',
    });
    expect(out.suggested_action).toBe('refer_out');
    expect(out.refer_to?.city).toBe('杭州市');
  });

  it('places a branch named in the business name (盛世健身(奉贤龙湖天街店))', () => {
    expect(
      dispatch({ kind: 'complaint', respondentName: '盛世健身(奉贤龙湖天街店)', ruleVersion: 'order121' })
        .district_code,
    ).toBe('310120');
    expect(
      dispatch({ kind: 'complaint', respondentName: '益康便利店(真如街道店)', ruleVersion: 'order121' }).district_code,
    ).toBe('310107');
    // a trade name after the city is not a town: 上海浦江贸易有限公司 is not in 浦江镇
    expect(
      dispatch({ kind: 'complaint', respondentName: '上海浦江贸易有限公司', ruleVersion: 'order121' }).district_code,
    ).toBeNull();
  });

  it('places a branch written as city + town + 店 (锦江之星（上海张江店）), not a trade name', () => {
    const text = '这就是锦江之星（上海张江店）的服务态度';
    expect(dispatch({ kind: 'complaint', text, ruleVersion: 'order121' }).district_code).toBe('310115');
    expect(
      dispatch({ kind: 'complaint', respondentName: '锦江之星(上海张江店)', ruleVersion: 'order121' }).district_code,
    ).toBe('310115');
    // still a trade name when no 店 follows, and a town only in another city's branch never lands in Shanghai
    expect(
      dispatch({ kind: 'complaint', respondentName: '上海张江贸易有限公司', ruleVersion: 'order121' }).district_code,
    ).toBeNull();
    expect(
      dispatch({ kind: 'complaint', text: '如家（北京张江店）前台态度差', ruleVersion: 'order121' }).district_code,
    ).toBeNull();
  });

  it('says why a ticket has no district', () => {
    const r = dispatch({ kind: 'complaint', respondentAddress: '上海市羽山路166号', ruleVersion: 'order121' });
    expect(r.unit_id).toBe('triage');
    expect(r.unresolved).toMatch(/未写区/);
  });
});

describe('Shanghai landmarks in free text', () => {
  it.each([
    ['在上海科技馆门口的小店买的鞋子开胶了', '310115'],
    ['周末去东方绿舟玩，门票被多收', '310118'],
    ['顾村公园旁边的超市卖过期牛奶', '310113'],
    ['在1933老场坊的餐厅吃饭被多收费', '310109'],
  ])('%s → district %s', (text, district) => {
    const p = parseAddress(text, 'text');
    expect(p.shanghai).toBe(true);
    expect(p.district_code).toBe(district);
    expect(p.evidence).toContain('本市地标');
  });

  it('a city written beside a landmark name keeps the ticket in that city', () => {
    const p = parseAddress('深圳龙华寺附近的一家饭店', 'text');
    expect(p.shanghai).toBe(false);
    expect(p.city).toBe('深圳市');
  });
});
