/**
 * Shipped reply templates (version 1 of each key). Written by the team: the 12345 ones after seed 003 ("针对7大类承办
 * 事项制定办结报告和答复要点模板"), the outcome ones after the procedure of 总局令第20号 (DOMAIN.md §1). A bureau's
 * edits are later versions and are never replaced by this file.
 */
import type { TemplateUse } from '../domain/templates.js';

export interface SeedTemplate {
  key: string;
  use: TemplateUse;
  category: string;
  title: string;
  body: string;
  source: string;
}

const SEED003 = '种子文档003：市市场监管局针对7大类承办事项制定办结报告和答复要点模板';
const O20 = '《市场监督管理投诉举报处理暂行办法》（总局令第20号，2022年修改）';

export const SEED_TEMPLATES: SeedTemplate[] = [
  // —— 12345 转办件：7 大类的办结报告/答复要点 ——
  {
    key: '12345.consumer_dispute',
    use: '12345',
    category: 'consumer_dispute',
    title: '消费纠纷投诉 办结报告',
    source: `${SEED003}；${O20}第十四条、第二十一条、第二十二条；《消费者权益保护法》第三十九条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、诉求情况：市民于{{received_date}}反映{{business}}（{{address}}）{{summary}}，涉及{{category}}，问题类别为{{problem}}。
二、办理过程：{{unit}}收到转办件后依法审查并联系双方当事人，组织调解。
三、办理结果：{{outcome}}。
四、答复要点：已于{{reply_date}}将办理结果告知市民；调解不成的，已告知其可依照《消费者权益保护法》第三十九条通过协商、调解、仲裁或诉讼等途径解决。`,
  },
  {
    key: '12345.violation_report',
    use: '12345',
    category: 'violation_report',
    title: '违法行为举报 办结报告',
    source: `${SEED003}；${O20}第三十一条、第三十三条；《市场监督管理行政处罚程序规定》第十八条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、举报事项：{{received_date}}收到关于{{business}}（{{address}}）的举报线索：{{summary}}。
二、核查情况：{{unit}}依法对线索进行核查。
三、处理结果：{{outcome}}。依据：{{legal_basis}}。
四、答复要点：已于{{reply_date}}按规定告知举报人处理情况；举报人信息依法予以保密，未向被举报人透露。`,
  },
  {
    key: '12345.food_safety',
    use: '12345',
    category: 'food_safety',
    title: '食品安全 办结报告',
    source: `${SEED003}；《食品安全法》第一百四十八条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、诉求情况：市民于{{received_date}}反映{{business}}（{{address}}）的食品问题：{{summary}}。
二、办理过程：{{unit}}对经营场所、进货查验记录及涉事食品进行检查，必要时抽样检验。
三、办理结果：{{outcome}}。
四、答复要点：已于{{reply_date}}答复市民；涉及赔偿的，告知其可依照《食品安全法》第一百四十八条向经营者或生产者要求赔偿。`,
  },
  {
    key: '12345.price_charge',
    use: '12345',
    category: 'price_charge',
    title: '价格收费 办结报告',
    source: `${SEED003}；《价格法》第十三条、第十四条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、诉求情况：市民于{{received_date}}反映{{business}}（{{address}}）价格收费问题：{{summary}}，涉及金额{{amount}}元。
二、办理过程：{{unit}}对明码标价及收费情况进行核查。
三、办理结果：{{outcome}}。
四、答复要点：已于{{reply_date}}答复市民。`,
  },
  {
    key: '12345.prepaid_card',
    use: '12345',
    category: 'prepaid_card',
    title: '预付式消费 办结报告',
    source: `${SEED003}；《消费者权益保护法》第五十三条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、诉求情况：市民于{{received_date}}反映{{business}}（{{address}}）预付式消费问题：{{summary}}，涉及金额{{amount}}元。
二、办理过程：{{unit}}核实经营者经营状况，联系经营者负责人组织调解；经营者停业或无法联系的，登记线索并报告区局。
三、办理结果：{{outcome}}。
四、答复要点：已于{{reply_date}}答复市民；告知其可依照《消费者权益保护法》第五十三条要求经营者履约或退还预付款并承担利息和必要费用。`,
  },
  {
    key: '12345.product_quality',
    use: '12345',
    category: 'product_quality',
    title: '产品质量与计量 办结报告',
    source: `${SEED003}；《产品质量法》第四十条；${O20}第二十条`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、诉求情况：市民于{{received_date}}反映{{business}}（{{address}}）销售的商品存在质量或计量问题：{{summary}}。
二、办理过程：{{unit}}组织双方调解；需要检定、检验、检测或鉴定的，由双方协商确定机构，所需时间不计入调解期限。
三、办理结果：{{outcome}}。
四、答复要点：已于{{reply_date}}答复市民；告知其可依照《产品质量法》第四十条要求销售者修理、更换、退货并赔偿损失。`,
  },
  {
    key: '12345.policy_consult',
    use: '12345',
    category: 'policy_consult',
    title: '政策咨询与登记许可 答复要点',
    source: `${SEED003}；${O20}第三十九条（咨询不按投诉举报程序处理）`,
    body: `12345工单号：{{transfer_no}}（本系统编号{{ticket_no}}）
一、咨询事项：市民于{{received_date}}咨询：{{summary}}。
二、答复内容：{{outcome}}。依据：{{legal_basis}}。
三、答复情况：{{unit}}已于{{reply_date}}电话答复市民，市民表示知晓。`,
  },
  // —— 常见办理结果：告知书/答复口径 ——
  {
    key: 'outcome.mediated',
    use: 'outcome',
    category: 'mediated',
    title: '调解成功 答复',
    source: `${O20}第二十二条`,
    body: `您于{{received_date}}提出的关于{{business}}的投诉（编号{{ticket_no}}），经{{unit}}组织调解，双方自愿达成协议：{{outcome}}。本投诉已办结。感谢您对市场监管工作的支持。（{{reply_date}}）`,
  },
  {
    key: 'outcome.terminated',
    use: 'outcome',
    category: 'terminated',
    title: '调解不成终止 告知',
    source: `${O20}第二十一条；《消费者权益保护法》第三十九条`,
    body: `您于{{received_date}}提出的关于{{business}}的投诉（编号{{ticket_no}}），在调解过程中出现以下情形：{{reason}}，依据{{legal_basis}}，{{unit}}决定终止调解。您可以依照《中华人民共和国消费者权益保护法》第三十九条的规定，通过与经营者协商和解、请求消费者协会或者依法成立的其他调解组织调解、向有关行政部门投诉、提请仲裁或者向人民法院提起诉讼等途径解决争议。（{{reply_date}}）`,
  },
  {
    key: 'outcome.declined',
    use: 'outcome',
    category: 'declined',
    title: '不予受理 告知',
    source: `${O20}第十四条、第十五条`,
    body: `您于{{received_date}}提出的关于{{business}}的投诉（编号{{ticket_no}}），经审查属于以下情形：{{reason}}，依据{{legal_basis}}，{{unit}}决定不予受理。如对本决定不服，可依法申请行政复议或者提起行政诉讼。（{{reply_date}}）`,
  },
  {
    key: 'outcome.report_case_opened',
    use: 'outcome',
    category: 'report_case_opened',
    title: '举报查处结果告知（已立案）',
    source: `${O20}第三十一条、第三十二条、第三十三条`,
    body: `您于{{received_date}}提供的关于{{business}}的举报线索（编号{{ticket_no}}），{{unit}}经核查已依法立案调查。处理结果：{{outcome}}。我们将对您的个人信息依法保密。感谢您对市场监管工作的支持。（{{reply_date}}）`,
  },
  {
    key: 'outcome.report_not_opened',
    use: 'outcome',
    category: 'report_not_opened',
    title: '举报不予立案 告知',
    source: `${O20}第三十一条；《市场监督管理行政处罚程序规定》第十八条、第二十条`,
    body: `您于{{received_date}}提供的关于{{business}}的举报线索（编号{{ticket_no}}），{{unit}}经核查，决定不予立案。理由：{{reason}}。依据：{{legal_basis}}。感谢您对市场监管工作的支持。（{{reply_date}}）`,
  },
  {
    key: 'outcome.odr_settled',
    use: 'outcome',
    category: 'odr_settled',
    title: '企业和解（ODR） 答复',
    source: `${O20}第六条第二款（鼓励通过在线消费纠纷解决机制协商解决争议）`,
    body: `您于{{received_date}}提出的关于{{business}}的投诉（编号{{ticket_no}}），经您同意已交由经营者通过在线消费纠纷解决机制（ODR）先行处理，双方已和解：{{outcome}}。如和解协议未履行，您可再次提出投诉。（{{reply_date}}）`,
  },
  {
    key: 'outcome.consultation_answered',
    use: 'outcome',
    category: 'consultation_answered',
    title: '咨询已答复',
    source: `${O20}第三十九条`,
    body: `您于{{received_date}}咨询的问题（编号{{ticket_no}}）：{{summary}}。答复如下：{{outcome}}。（{{unit}}，{{reply_date}}）`,
  },
  {
    key: 'outcome.not_our_duty',
    use: 'outcome',
    category: 'not_our_duty',
    title: '非本部门职责 告知',
    source: `${O20}第十五条第一项、第二十九条`,
    body: `您于{{received_date}}反映的事项（编号{{ticket_no}}）不属于市场监督管理部门职责范围：{{reason}}。建议您向{{outcome}}反映。（{{unit}}，{{reply_date}}）`,
  },
];
