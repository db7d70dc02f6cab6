import { describe, expect, it } from 'vitest';
import { dispatch, locate } from './jurisdiction.js';

describe('jurisdiction and dispatch', () => {
  it('routes to the station of the street in the business address', () => {
    const r = dispatch({
      kind: 'complaint',
      respondentAddress: '上海市松江区岳阳街道人民北路123号',
      ruleVersion: 'order121',
    });
    expect(r.district_code).toBe('310117');
    expect(r.unit_id).toBe('S310117001');
  });
  it('falls back to the district when the street is not named', () => {
    const r = dispatch({ kind: 'complaint', respondentAddress: '上海市徐汇区漕溪北路88号', ruleVersion: 'order121' });
    expect(r.district_code).toBe('310104');
    expect(r.unit_id).toBe('310104');
  });
  it('does not read a road name as a district', () => {
    expect(locate('上海市黄浦区松江路1号').district?.code).toBe('310101');
  });
  it('sends a platform seller without an address to the platform domicile (Order 121)', () => {
    const r = dispatch({ kind: 'complaint', platform: '拼多多', ruleVersion: 'order121' });
    expect(r.district_code).toBe('310105');
    expect(r.basis).toMatch(/平台经营者/);
  });
  it('puts out-of-city platforms and unknown places in triage', () => {
    expect(dispatch({ kind: 'complaint', platform: '京东', ruleVersion: 'order121' }).unit_id).toBe('triage');
    expect(dispatch({ kind: 'complaint', ruleVersion: 'order121', text: '买的东西坏了' }).unit_id).toBe('triage');
    expect(
      dispatch({ kind: 'complaint', respondentAddress: '浙江省杭州市余杭区文一西路969号', ruleVersion: 'order121' })
        .unit_id,
    ).toBe('triage');
  });
  it('uses the place of a report without a business', () => {
    const r = dispatch({ kind: 'report', location: '闵行区七宝镇某小区门口', ruleVersion: 'order121' });
    expect(r.district_code).toBe('310112');
    expect(r.unit_id.startsWith('S310112')).toBe(true);
  });
  it('does not place a name headed by a district short in Shanghai when the text is about another province', () => {
    const text = '我是仓山区上渡江南水都美域31号楼业主，小区内排放污水，金山污水处理厂就在附近，为什么不转到那边处理？';
    const r = dispatch({ kind: 'complaint', respondentName: '金山污水处理厂', text, ruleVersion: 'order121' });
    expect(r.district_code).toBeNull();
    // the same name with 上海 written, or with nothing elsewhere in the text, still reaches 金山区
    expect(
      dispatch({ kind: 'complaint', respondentName: '上海金山污水处理厂', text, ruleVersion: 'order121' })
        .district_code,
    ).toBe('310116');
    expect(
      dispatch({
        kind: 'complaint',
        respondentName: '金山污水处理厂',
        text: '污水处理厂异味扰民',
        ruleVersion: 'order121',
      }).district_code,
    ).toBe('310116');
  });
});
