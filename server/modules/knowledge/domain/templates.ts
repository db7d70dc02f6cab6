/**
 * Reply templates (办结报告/答复要点): the 7 categories of 12345 transfers and the common complaint/report outcomes,
 * written with {{placeholders}} filled from the ticket. Pure: filling, the placeholder catalogue, the vars of a ticket.
 */
import { KIND_LABELS, STATUS_LABELS } from '../../../../shared/domain.js';
import type { Bilingual } from '../../../platform/errors/index.js';
import { chineseDate } from '../../../../shared/dates.js';

export const USES = ['12345', 'outcome'] as const;
export type TemplateUse = (typeof USES)[number];

/**
 * The 7 categories of 12345 work a market-supervision bureau handles. Seed 003 says the city bureau wrote 办结报告 and
 * 答复要点 templates "针对7大类承办事项" without naming them: this list is the team's reading of what a 12345 centre
 * transfers to market supervision (UNSURE — a bureau renames or replaces them by editing the templates).
 */
export const CATEGORIES_12345 = [
  'consumer_dispute',
  'violation_report',
  'food_safety',
  'price_charge',
  'prepaid_card',
  'product_quality',
  'policy_consult',
] as const;
export type Category12345 = (typeof CATEGORIES_12345)[number];
export const CATEGORY_12345_LABELS: Record<Category12345, string> = {
  consumer_dispute: '消费纠纷投诉',
  violation_report: '违法行为举报',
  food_safety: '食品安全',
  price_charge: '价格收费',
  prepaid_card: '预付式消费',
  product_quality: '产品质量与计量',
  policy_consult: '政策咨询与登记许可',
};

/** The common outcomes a reply or notice reports. */
export const OUTCOMES = [
  'mediated',
  'terminated',
  'declined',
  'report_case_opened',
  'report_not_opened',
  'odr_settled',
  'consultation_answered',
  'not_our_duty',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  mediated: '调解成功',
  terminated: '调解不成终止',
  declined: '不予受理',
  report_case_opened: '举报查处结果告知（已立案）',
  report_not_opened: '举报不予立案告知',
  odr_settled: '企业和解（ODR）',
  consultation_answered: '咨询已答复',
  not_our_duty: '非本部门职责告知',
};

/** Every placeholder a template may use, with the Chinese label the editor shows. */
export const PLACEHOLDERS = {
  ticket_no: '工单编号',
  received_date: '受理登记日期',
  business: '被投诉/举报经营者',
  address: '经营地址',
  platform: '电商平台',
  kind: '诉求类型',
  category: '商品或服务类别',
  problem: '问题类别',
  summary: '诉求摘要',
  amount: '涉及金额（元）',
  outcome: '处理结果',
  reason: '理由',
  legal_basis: '法律依据',
  unit: '承办单位',
  reply_date: '答复日期',
  transfer_no: '12345工单号',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateVars = Partial<Record<Placeholder, string>> & Record<string, string | undefined>;

const PH = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{name}}` from vars. A placeholder without a (non-blank) value stays in the text as written, so the person
 * sending the reply sees exactly what is left to write; `missing` names each such placeholder once, in order.
 */
export function fillTemplate(body: string, vars: TemplateVars): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(PH, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined || v === null || String(v).trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return String(v);
  });
  return { text, missing };
}

/** Placeholders a body uses, and those it uses that are not in the catalogue (an editor's typo). */
export function placeholdersOf(body: string): { used: string[]; unknown: string[] } {
  const used = [...new Set([...body.matchAll(PH)].map((m) => m[1]!))];
  return { used, unknown: used.filter((u) => !(u in PLACEHOLDERS)) };
}

/** A template edit: title and body present, bounded, and only known placeholders. */
export function checkTemplateEdit(e: {
  title: string;
  body: string;
}): { ok: true } | { ok: false; message: Bilingual } {
  if (!e.title.trim())
    return { ok: false, message: { zh: '模板标题不能为空', en: 'The template title cannot be empty.' } };
  if (!e.body.trim())
    return { ok: false, message: { zh: '模板正文不能为空', en: 'The template body cannot be empty.' } };
  const { unknown } = placeholdersOf(e.body);
  if (unknown.length) {
    const names = unknown.map((u) => `{{${u}}}`);
    return {
      ok: false,
      message: {
        zh: `模板中有未定义的占位符：${names.join('、')}`,
        en: `The template uses undefined placeholders: ${names.join(', ')}`,
      },
    };
  }
  return { ok: true };
}

/** The ticket fields the vars are built from (a TicketRow fits). */
export interface TicketForVars {
  no: string;
  kind: string;
  received_date: string;
  status: string;
  title?: string | null;
  respondent_name?: string | null;
  respondent_address?: string | null;
  platform?: string | null;
  category?: string | null;
  problem?: string | null;
  amount?: number | string | null;
  outcome?: string | null;
  legal_basis?: string | null;
  channel?: string | null;
  source_id?: string | null;
  extra?: Record<string, unknown> | null;
}

const cnDate = (d: string) => (/^\d{4}-\d{2}-\d{2}/.test(d) ? chineseDate(d) : d);

/**
 * The vars of a ticket. No personal data of the complainant or reporter goes in (a reply may reach the business or a
 * 12345 centre): the summary is the ticket's redacted title. `today` is the reply date (Asia/Shanghai), `unit` the
 * handling unit's name; `outcome`/`reason` override what the ticket says.
 */
export function varsFromTicket(
  t: TicketForVars,
  o: { today: string; unit?: string | null; outcome?: string; reason?: string },
): TemplateVars {
  // a 12345 transfer is stored under the centre's own work-order number (its idempotency key)
  const extra = t.extra ?? {};
  const transferNo =
    typeof extra.transfer_no === 'string'
      ? extra.transfer_no
      : t.channel === '12345' && t.source_id
        ? t.source_id
        : undefined;
  const amount = t.amount === null || t.amount === undefined || t.amount === '' ? undefined : String(Number(t.amount));
  return {
    ticket_no: t.no,
    received_date: cnDate(t.received_date),
    business: t.respondent_name ?? undefined,
    address: t.respondent_address ?? undefined,
    platform: t.platform ?? undefined,
    kind: KIND_LABELS[t.kind] ?? undefined,
    category: t.category ?? undefined,
    problem: t.problem ?? undefined,
    summary: t.title ?? undefined,
    amount,
    outcome: o.outcome ?? t.outcome ?? (STATUS_LABELS as Record<string, string>)[t.status],
    reason: o.reason,
    legal_basis: t.legal_basis ?? undefined,
    unit: o.unit ?? undefined,
    reply_date: cnDate(o.today),
    transfer_no: transferNo,
  };
}

/** Label of a template's category, for either use. */
export function categoryLabel(use: TemplateUse, category: string): string {
  return use === '12345'
    ? ((CATEGORY_12345_LABELS as Record<string, string>)[category] ?? category)
    : ((OUTCOME_LABELS as Record<string, string>)[category] ?? category);
}
