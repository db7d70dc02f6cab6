/**
 * The criteria catalog as data: every code the model can emit, its Chinese label, the legal or policy source it
 * implements, and its weight in the score. Kept in one place so the UI, the docs (docs/RISK.md) and the decision
 * documents cite the same wording.
 */
export type CriterionCode =
  | 'volume'
  | 'same_kind'
  | 'template'
  | 'punitive'
  | 'buy_again'
  | 'quantity'
  | 'collusion'
  | 'impersonation'
  | 'untrue_reports'
  | 'litigation'
  | 'fabricated_evidence'
  | 'other';

export interface CriterionDef {
  code: CriterionCode;
  label: string;
  /** which kind of conduct it evidences: 非生活消费需要投诉 or 牟利性举报 */
  applies_to: 'complaint' | 'report' | 'both';
  basis: string;
  /**
   * log-odds added to the score at full strength (see score.ts). Fitted on real texts with planted identities where
   * that set exercises the criterion (volume, punitive, quantity: `scripts/eval-risk-planted.ts --fit`). Template:
   * the fit gives 0.7 because every templated planted claimant also demands damages (collinear); it is kept at 1.6 so
   * that an account with dozens of templated posts and nothing else (a message board) is still proposed on it;
   * the others, which that set cannot test, are 1.0: alone at full strength just below the proposal threshold
   * (σ(−1.3 + 1.0) = 0.43), any two together above it.
   */
  weight: number;
  /** true: on its own never enough to propose listing (it also describes honest heavy users) */
  supporting_only: boolean;
}

export const CRITERIA: readonly CriterionDef[] = [
  {
    code: 'volume',
    label: '投诉举报数量和频次明显超出正常范围',
    applies_to: 'both',
    weight: 0.2,
    supporting_only: true,
    basis:
      '岳市监〔2024〕16号 二(六)；商洛市不正当牟利性投诉举报处理暂行规定(2025)：近期投诉举报数量；总局令第121号第十六条第一款第三项',
  },
  {
    code: 'same_kind',
    label: '反复就同类商品同类问题投诉举报',
    applies_to: 'both',
    weight: 1.0,
    supporting_only: false,
    basis:
      '沪市监书〔2026〕249号(异常名录典型特征)；岳市监〔2024〕16号 三(二)；总局令第20号第十五条第三项/第121号第十六条第一款第三项',
  },
  {
    code: 'template',
    label: '模板化诉求文本',
    applies_to: 'both',
    weight: 1.6,
    supporting_only: false,
    basis:
      '沪市监书〔2026〕249号(异常名录典型特征“模板化诉求文本”)；《关于依法治理牟利性职业索赔、职业举报行为的若干意见》(沪市监消保〔2025〕298号)',
  },
  {
    code: 'punitive',
    label: '主张惩罚性赔偿(三倍/十倍)占比高',
    applies_to: 'complaint',
    weight: 4.2,
    supporting_only: false,
    basis: '消费者权益保护法第五十五条、食品安全法第一百四十八条第二款(被主张的依据)；奉贤区/松江区实施意见：牟利目的',
  },
  {
    code: 'buy_again',
    label: '获赔后明知仍购买同类商品再投诉',
    applies_to: 'complaint',
    weight: 1.0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 二(一)；法释〔2024〕9号第十四条；总局令第121号征求意见稿第十八条(明知仍然购买)',
  },
  {
    code: 'quantity',
    label: '购买数量超出合理生活消费需要',
    applies_to: 'complaint',
    weight: 0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 二(二)；法释〔2024〕9号第十二条、第十三条(保质期、通常消费习惯、短期多次购买合并计算)',
  },
  {
    code: 'collusion',
    label: '多身份关联或通谋分别投诉同一经营者',
    applies_to: 'both',
    weight: 1.0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 二(四)；商洛市暂行规定：身份信息明显虚假',
  },
  {
    code: 'impersonation',
    label: '冒用他人名义或受雇代为投诉',
    applies_to: 'complaint',
    weight: 1.0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 二(三)、二(五)；总局令第121号第十六条第一款第六项(冒用他人身份、拒不配合身份核验)',
  },
  {
    code: 'untrue_reports',
    label: '多次举报同类违法行为经查不属实',
    applies_to: 'report',
    weight: 1.0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 三(二)',
  },
  {
    code: 'litigation',
    label: '多次申请信息公开、提起复议诉讼或向纪检监察举报',
    applies_to: 'report',
    weight: 1.0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 三(三)、三(四)、三(五)；商洛市暂行规定：复议诉讼数量',
  },
  {
    code: 'fabricated_evidence',
    label: '证据材料疑似伪造(AI生成标识/同图多用)',
    applies_to: 'both',
    weight: 1.0,
    supporting_only: false,
    basis:
      '沪市监消保〔2025〕298号(夹带、掉包、造假、篡改商品信息)；岳市监〔2024〕16号 三(一)；《人工智能生成合成内容标识办法》',
  },
  {
    // never computed by the model: an officer proposes a person under it with written evidence citing tickets
    code: 'other',
    label: '其他滥用投诉的行为',
    applies_to: 'complaint',
    weight: 0,
    supporting_only: false,
    basis: '岳市监〔2024〕16号 二(八)(由承办人员提议，附书面证据)',
  },
];

export const CRITERIA_BY_CODE: Readonly<Record<CriterionCode, CriterionDef>> = Object.fromEntries(
  CRITERIA.map((c) => [c.code, c]),
) as Record<CriterionCode, CriterionDef>;
