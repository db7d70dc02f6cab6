/**
 * Business names no list knows, found by how consumers write about the one they complain about: a bare trade name
 * between a relation word and a role or act (与博洛尼签订, 在被窝整装交了, 找天坛的设计师, 通过XX订购), at the start of a
 * title before one (博洛尼售后不及时), or called by name (一家叫「XX」的店). No list or model: the name slot is
 * delimited by the words around it, and a candidate is believed more when the text comes back to it (extract.ts).
 */
import type { BusinessHit } from './business.js';
import { isPlaceName, placeHeadLength } from './places.js';

const NAME = '[\\u4e00-\\u9fa5A-Za-z0-9&·]{2,8}?';
// what comes before the firm: a relation with it (the contract, the payment, the complaint)
// (在 in 现在/正在/存在, 对 in 针对/面对, 到 in 收到/看到 relate nothing)
const LEFT =
  '(?:与|和|跟|(?<![现正存所实好自])在|从|向|找|投诉|举报|通过|由|选择了?|选了|选用|联系|委托|给|(?<![针面核相不])对|(?<![收看得遇达直听想])到|参与|路过|去了|下载|加盟)';
// what comes after it: its people and outlets, its trade, or what it did / what was done with it
const ROLE =
  '(?:售后|客服|设计师|设计部|工作人员|员工|销售|业务员|店长|对接人|项目经理|工长|监理|门店|专卖店|旗舰店|体验馆|体验店|展厅|分店|总部|官方|官网|平台|app|小程序|公众号|家装|整装|装饰|全案|全屋定制|整体橱柜|橱柜|家居|经销商|代理商|加盟商|专柜|卖场|导购|物流|工厂|厂家|装修(?![公队])|产品|方面|一方|方(?=[，,。拒不以称说表要承])|公司)';
const ACT =
  '(?:签订|签了|签约|订购|购买|买的|买了|下单|交了|交的|支付|付了|预存|定制|定了|订了|办理|办了|报名|充值|拒绝|拒不|不给|不予|不退|推诿|推脱|拖延|承诺|答应|声称|违反|违约|延期|收取|收了|欺骗|欺诈|虚假|霸王|设计装修|施工|缴纳|缴了|预付|交付|延迟|延误|逾期|退款|退还|诱导|套路|骗|咨询)';
const AFTER = `(?=(?:的)?${ROLE}|${ACT})`;
const TWO_SIDED = new RegExp(`(?<=${LEFT})${NAME}${AFTER}`, 'g');
// a clause that opens with a name and one of its people or outlets (，曲美总部一直推脱 / 。业之峰设计师承诺): the firm's
// own staff speak for it; the name counts only when the complaint comes back to it (a repeat), since a clause can
// open with a product or a place just as well
const OWN_PEOPLE =
  '(?:售后|客服|设计师|工作人员|员工|销售|业务员|店长|项目经理|工长|门店|专卖店|旗舰店|体验馆|体验店|分店|总部|官方|经销商|代理商|加盟商|导购|工厂|厂家|公司)';
const CLAUSE_OPEN = new RegExp(`(?<=^|[，。,.!！?？；;：:\\s、）)])${NAME}(?=(?:的)?${OWN_PEOPLE})`, 'g');
// a title opening with a name and one of the firm's own people or outlets names it even if the text does not repeat it
const TITLE_OWN = new RegExp(
  `^(?:投诉|举报|曝光|关于|我家|我们家|我的|本人)?${NAME}(?=(?:的)?(?:售后|客服|设计师|工作人员|销售|门店|专卖店|旗舰店|体验店|分店|总部|官方|平台|app|家装|整装|装饰|全屋定制|经销商|代理商|公司))`,
);
// …or a name and a product of its trade (曲美沙发, XX空调): the name only when the complaint comes back to it
const GOODS =
  '(?:家具|沙发|床垫|书柜|衣柜|柜子|橱柜|木门|地板|瓷砖|卫浴|门窗|手机|电脑|笔记本|平板|空调|冰箱|洗衣机|电视|热水器|油烟机|电器|家电|奶粉|课程)';
const TITLE_GOODS = new RegExp(`^(?:投诉|举报|曝光|关于|我家|我们家|我的|本人)?${NAME}(?=${GOODS})`);
const TITLE_LEAD = /^(?:投诉|举报|曝光|关于|我家|我们家|我的|本人)?/;
const TITLE_START = new RegExp(`^(?:投诉|举报|曝光|关于|我家|我们家|我的|本人)?${NAME}${AFTER}`);
// a complaint that opens with a maker and its model code (众泰T700…, 陆风X7…, 江铃驭胜S350…): the maker is its subject
const MAKER_MODEL =
  /^(?:投诉|举报|曝光|关于|我的)?([\u4e00-\u9fa5]{2,6}?)(?=[a-z]{1,3}\d{1,4}(?![\d年月日号点个天元块万%]))/;
const CALLED =
  /(?:叫|名为|叫做|名叫|名字叫|名称为)\s*["“「『《]?([\u4e00-\u9fa5A-Za-z0-9&·]{2,12}?)["”」』》]?(?=的?(?:店|店铺|商家|公司|平台|app|软件|小程序|机构|品牌|网店|门店|工作室))/g;
const QUOTED =
  /["“「『]([\u4e00-\u9fa5A-Za-z0-9&·]{2,10})["”」』](?=的?(?:app|平台|软件|小程序|公众号|商城|店|旗舰店|公司|客服|售后))/g;

// places at the head of a name (南阳市博洛尼, 北京被窝): the firm is what follows
const PLACE_HEAD =
  /^(?:中国|北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|[\u4e00-\u9fa5]{2,3}市|[\u4e00-\u9fa5]{2,3}[区县](?!.*[区县]))(?:省|市)?/;
// a name has no pronouns, particles or clause words; it is not a date, a quantity or a person by title
const NOT_NAME =
  /[我你他她它这那该此其贵了的着过是在与跟就都也还又再没不很太却才想能会把吗呢吧啊给说要让已经从向对将于及并或而但若因所被]|\d+[年月日号点个天]|^\d+$/;
// times and clauses that stand before an act as often as a firm does (半夜…掉落, 前期承诺, 销售人员联系)
const NOT_NAME_WORD =
  /^(?:交|付|退|收|无条件|全额|立即|马上|尽快|快速|恶意|强制|虚假|严重|拖延|拒绝|私自|擅自)|[一二两三四五六七八九十半几]+(?:年|个月|天|周)|全款|尾款|(?:半夜|今天|昨天|前天|当天|当时|当初|前期|后期|之前|之后|目前|现在|最近|后来|一直|多次|迟迟|相关|随后|然后|最后|最终|开始|联系|购买|使用|发现|安装|提出|要求|解决|处理|沟通|协商|告知|通知|打电话|人员|师傅|工人|咨询|转接|结果|喜欢|外观|感觉|觉得|认为|承认|虽然|但是|因为|所以)/;
const BAD_TAIL =
  /(?:上|里|中|内|处|时|后|前|期间|路|街|区|县|镇|村|号|楼|院|河|湖|桥|沟|溪|经理|师傅|老板|先生|女士|小姐|老师|阿姨|总|哥|姐)$/;
// words that stand where a firm's name stands but name no one in particular
const GENERIC = new Set(
  (
    '商家 店家 卖家 厂家 商户 公司 对方 客服 售后 我们 他们 门店 店里 店铺 网上 线上 线下 官网 官方 平台 当地 本地 现场 家里 手机 电话 ' +
    '微信 这里 那里 设计师 销售 经销商 总部 工作人员 物业 开发商 业主 老板 消费者 品牌方 品牌 厂商 第三方 中介 房东 银行 装修 装饰 家装 ' +
    '整装 家居 家具 橱柜 全屋 定制 设计 施工 工程 合同 订单 产品 商品 货物 材料 售后服务 客户 顾客 用户 本人 家人 朋友 双方 甲方 乙方 ' +
    'app 家具 沙发 床垫 书柜 衣柜 柜子 木门 地板 瓷砖 卫浴 门窗 手机 电脑 空调 冰箱 洗衣机 电视 热水器 油烟机 电器 家电 实木 真皮 板材 商场 市场 展厅 专卖店 旗舰店 体验店 工厂 厂里 店员 员工 师傅 快递 快递员 骑手 司机 网店 淘宝店 实体店 直营店 加盟店 代理商 经销店 ' +
    '装修公司 装饰公司 家装公司 整装公司 一家 这家 那家 该店 该公司 本公司 贵公司 其公司 公司方 门店方 商家方 厂家方 设计方 施工方 ' +
    '发动机 变速箱 车辆 新车 爱车 车子 轮胎 电池 型号 车型 款式 ' +
    '监理 项目 活动 直播间 直播 官方旗舰店 客服人员 售后人员 退款 定金 订金 意向金 押金 尾款 全款 首付 款项 费用 钱 价格 质量 服务'
  ).split(' '),
);

/** Strips what surrounds the trade name; '' when nothing name-like is left. */
export function cleanName(raw: string): string {
  let v = raw;
  for (let i = 0; i < 3; i++) {
    // a province or 某某市/区/县 as written, else a city or county named without 市/县 (香河博洛尼, 常州博洛尼)
    let t = v.replace(PLACE_HEAD, '');
    if (t === v) t = v.slice(placeHeadLength(v));
    if (t.length < 2 || t === v) break;
    v = t;
  }
  if (isPlaceName(v)) return '';
  // 被 opens a passive clause, and a few names (被窝): such a name is checked without it (the caller asks for a repeat)
  if (
    v.length < 2 ||
    GENERIC.has(v) ||
    NOT_NAME.test(v.replace(/^被(?=.)/, '')) ||
    NOT_NAME_WORD.test(v) ||
    BAD_TAIL.test(v)
  )
    return '';
  return v;
}

/** Candidate names in `s` (normalised, ASCII lower-cased); `title` marks a title, whose first words are its subject.
 * A hit marked `repeat` counts only if the name occurs again in the title or text (the caller sees both); `subject`
 * marks a title's opening name. */
export function contextNames(s: string, title: boolean): BusinessHit[] {
  const out: BusinessHit[] = [];
  const push = (raw: string, at: number, confidence: number, repeat = false, subject = false) => {
    const v = cleanName(raw);
    if (!v) return;
    const a = at + raw.length - v.length;
    if (out.some((o) => a < o.end && a + v.length > o.start)) return;
    const again = repeat || v.startsWith('被');
    out.push({
      value: v,
      start: a,
      end: a + v.length,
      confidence,
      via: 'context',
      ...(again ? { repeat: true } : {}),
      ...(subject ? { subject } : {}),
    });
  };
  for (const m of s.matchAll(CALLED)) push(m[1]!, m.index! + m[0].indexOf(m[1]!, 2), 0.7);
  for (const m of s.matchAll(QUOTED)) push(m[1]!, m.index! + 1, 0.65);
  if (title) {
    const own = TITLE_OWN.exec(s);
    const start = own ? null : TITLE_START.exec(s);
    const goods = own || start ? null : TITLE_GOODS.exec(s);
    const m = own ?? start ?? goods;
    if (m) {
      const lead = TITLE_LEAD.exec(m[0])?.[0].length ?? 0;
      // a title's first words are its subject; a firm's name when followed by its own people or outlets, or when
      // the complaint comes back to it (before goods, not the subject's weight: 实木书柜 is as common as 曲美书柜)
      push(m[0].slice(lead), lead, own ? 0.5 : 0.55, !own, !goods);
    }
  }
  const mm = MAKER_MODEL.exec(s);
  if (mm) push(mm[1]!, mm[0].length - mm[1]!.length, 0.55);
  for (const m of s.matchAll(TWO_SIDED)) push(m[0], m.index!, 0.55);
  for (const m of s.matchAll(CLAUSE_OPEN)) push(m[0], m.index!, 0.55, true);
  return out.sort((x, y) => x.start - y.start);
}
