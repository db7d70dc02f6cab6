/**
 * The 12345 side of a transfer: its seven categories of 承办事项, the centre's satisfaction codes, and the template
 * filling used until the knowledge base holds the bureau's templates. Pure.
 */
import data from '../data/templates.json' with { type: 'json' };

export const CATEGORIES_12345 = ['consumer_dispute', 'prepaid_card', 'food_safety', 'price', 'product_quality', 'special_equipment', 'licensing'] as const;
export type Category12345 = (typeof CATEGORIES_12345)[number];
export const CATEGORY_12345_LABELS: Record<Category12345, string> = {
  consumer_dispute: '消费纠纷', prepaid_card: '预付卡消费', food_safety: '食品安全', price: '价格收费',
  product_quality: '产品质量', special_equipment: '特种设备', licensing: '无照无证及登记注册',
};

/** 满意度 as the 12345 centre returns it after calling the citizen back. */
export const SATISFACTION_12345 = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type Satisfaction12345 = (typeof SATISFACTION_12345)[number];
export const SATISFACTION_12345_LABELS: Record<Satisfaction12345, string> = {
  satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', unreachable: '未联系上',
};

export interface Template12345 {
  key: string;
  version: number;
  use: '12345';
  category: string | null;
  title: string;
  body: string;
}

export const TEMPLATE_SOURCE = data.source;
export const PLACEHOLDER_LABELS: Record<string, string> = data.placeholders;
export const LOCAL_TEMPLATES: Template12345[] = data.templates.map((t) => ({ ...t, use: '12345' as const }));

/**
 * Fills {{name}} from vars; what the ticket cannot say (核实情况, 处理结果, a business it does not name) stays as
 * {{name}} in the text and is listed, so the officer writes it and the workflow refuses a reply that still holds one.
 */
export function fillLocal(body: string, vars: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (m, name: string) => {
    const v = vars[name];
    if (v !== undefined && v !== '') return v;
    const label = PLACEHOLDER_LABELS[name] ?? name;
    if (!missing.includes(label)) missing.push(label);
    return `{{${label}}}`;
  });
  return { text, missing };
}
