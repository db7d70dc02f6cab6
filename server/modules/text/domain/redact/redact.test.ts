import { describe, expect, it } from 'vitest';
import { findPii, redact, redactJson } from './redact.js';
import { mediationText, mentionsReport } from './report-part.js';

const kinds = (s: string) => findPii(s).map((x) => `${x.kind}:${s.slice(x.start, x.end)}`);

describe('redact', () => {
  it('masks the issue example', () => {
    const s = '本人张伟，身份证号310101198001011234，手机13912345678，在某超市购买的牛奶过期。';
    expect(redact(s).text).toBe('本人张*，身份证号3101**********1234，手机139****5678，在某超市购买的牛奶过期。');
  });

  it('finds mobiles in any notation, not numbers inside longer codes', () => {
    expect(kinds('电话139-1234-5678')).toEqual(['mobile:139-1234-5678']);
    expect(kinds('手机 139 1234 5678 谢谢')).toEqual(['mobile:139 1234 5678']);
    expect(kinds('联系方式：+86 13912345678')).toEqual(['mobile:+86 13912345678']);
    expect(redact('手机１３９１２３４５６７８').text).toBe('手机139****5678');
    expect(kinds('见FZ17121200007投诉件')).toEqual([]);
    expect(kinds('订单号2023051213912345678')).toEqual([]);
  });

  it('finds landlines with area code or after a phone cue, leaves hotlines', () => {
    expect(kinds('座机021-64381234')).toEqual(['landline:021-64381234']);
    expect(kinds('(0591)87654321')).toEqual(['landline:(0591)87654321']);
    expect(kinds('打了管理处的电话83218483，没人接')).toEqual(['landline:83218483']);
    expect(kinds('拨打12315和400-820-8820都没用')).toEqual([]);
    expect(redact('座机021-64381234').text).toBe('座机021-******34');
  });

  it('tells ID numbers, bank cards and order numbers apart', () => {
    expect(kinds('身份证：11010519491231002X')).toEqual(['id_number:11010519491231002X']);
    expect(kinds('退款请打到银行卡6222 0212 3456 7890 128')).toEqual(['bank_card:6222 0212 3456 7890 128']);
    expect(kinds('订单号123456789012345678')).toEqual([]);
    expect(redact('卡号6217001234567890123').text).toBe('卡号6217***********0123');
  });

  it('finds plates, e-mail, WeChat and QQ', () => {
    expect(kinds('我的车沪A12345在店里保养')).toEqual(['plate:沪A12345']);
    expect(kinds('苏E·D12345新能源车')).toEqual(['plate:苏E·D12345']);
    expect(kinds('发邮件到zhang.wei@163.com')).toEqual(['email:zhang.wei@163.com']);
    expect(kinds('加微信号：zw_2023abc联系')).toEqual(['wechat:zw_2023abc']);
    expect(kinds('QQ：12345678')).toEqual(['qq:12345678']);
    expect(redact('我的车沪A12345').text).toBe('我的车沪A*****');
  });

  it('finds names after cues and in signatures, not words after surname-like characters', () => {
    expect(kinds('投诉人：谢超凡 涉及金额')).toEqual(['name:谢超凡']);
    expect(kinds('我叫王小明，在店里')).toEqual(['name:王小明']);
    expect(kinds('联系人李娜，电话')).toEqual(['name:李娜']);
    expect(kinds('张伟先生反映')).toEqual(['name:张伟']);
    expect(kinds('请尽快处理，谢谢。\n刘芳 2023年5月1日')).toEqual(['name:刘芳']);
    expect(kinds('本人居住在仓山区')).toEqual([]);
    expect(kinds('请对举报人信息保密')).toEqual([]);
    expect(kinds('投诉人张伟要求退款')).toEqual(['name:张伟']);
    expect(kinds('侵犯了消费者权益。')).toEqual([]);
    expect(kinds('送餐很快，谢谢。满意')).toEqual([]);
    expect(kinds('王先生说商家不退款')).toEqual([]);
    expect(kinds('本人李某于5月1日')).toEqual([]);
  });

  it('masks the room of a home address, not a shop street number or a date', () => {
    expect(redact('我家住在阳光小区5号楼1201室，楼下').text).toBe('我家住在阳光小区*号楼****室，楼下');
    expect(kinds('清泰路1号院1号楼4单元304的业主')).toEqual(['address:1号楼4单元304']);
    expect(kinds('位于中山路100号的好又多超市')).toEqual([]);
    expect(kinds('据说3月25号动工')).toEqual([]);
  });

  it('masks the structured complainant wherever the text repeats it', () => {
    const r = redact('我是陈小北，电话1391234 5678。陈小北', { known: { names: ['陈小北'], phones: ['13912345678'] } });
    expect(r.text).toBe('我是陈**，电话139****5678。陈**');
  });

  it('redacts every string of a JSON value', () => {
    expect(
      redactJson({
        phones: [{ value: '13912345678', start: 3 }],
        id_numbers: [{ value: '310101198001011234' }],
        amount: 5,
      }),
    ).toEqual({
      phones: [{ value: '139****5678', start: 3 }],
      id_numbers: [{ value: '3101**********1234' }],
      amount: 5,
    });
  });
});

describe('mediationText', () => {
  it('cuts the report part and the plea for secrecy, keeps the dispute', () => {
    const s =
      '本人张*在该店购买的奶粉过期，要求退款并赔偿。同时举报该店无证经营，销售过期食品。请对举报人信息保密。另外希望商家尽快退款。';
    const m = mediationText(s);
    expect(m).toBe('本人张*在该店购买的奶粉过期，要求退款并赔偿。另外希望商家尽快退款。');
    expect(mentionsReport(m)).toBe(false);
  });
  it('cuts a report clause inside a sentence', () => {
    expect(mediationText('商家拒不退款，现向贵局举报，请依法查处。')).toBe('商家拒不退款。');
  });
  it('drops even the masked ends of ID and card numbers', () => {
    expect(mediationText('身份证号3101**********1234，手机139****5678，要求退款。')).toBe(
      '身份证号******，手机139****5678，要求退款。',
    );
  });
  it('leaves a text without a report as it is', () => {
    const s = '买的手机屏幕坏了，商家不给换货，要求换货。';
    expect(mediationText(s)).toBe(s);
  });
});
