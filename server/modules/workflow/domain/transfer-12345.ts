/**
 * The 12345 track of a transfer (转办件): 签收 (sign for), 退回 (return with a coded reason), 答复 (reply written from a
 * template), 延期 (one extension) and 重办 (the centre sends the same work order again after a reply). It runs beside
 * the statutory workflow of the ticket: a transfer is still a complaint, report or consultation with its own clock.
 * Pure: limits come from rules/twelve345.json (UNSURE values, a bureau's configuration), dates from the caller.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { fail } from '../../../platform/errors/index.js';
import limits from '../rules/twelve345.json' with { type: 'json' };
import { addPeriod, type Deadlines } from './deadlines.js';
import type { DeadlineRule, ReasonCode } from './rules.js';
import type { Message12345, State12345, Transfer12345 } from '../../../../shared/ticket.js';

// the track's shape is part of the ticket detail the web reads: defined once in shared/ticket.ts
export type { Message12345, State12345, Transfer12345 };

export interface Limits12345 {
  version: string;
  name: string;
  source: string;
  deadlines: Record<'sign' | 'reply' | 'extension' | 'reopen_reply', DeadlineRule>;
  return_reasons: ReasonCode[];
}
export const LIMITS_12345 = limits as Limits12345;

export const ACTIONS_12345 = ['sign_12345', 'return_12345', 'reply_12345', 'extend_12345'] as const;
export type Action12345 = (typeof ACTIONS_12345)[number];

export const STATE_12345_LABELS: Record<State12345, string> = {
  to_sign: '待签收',
  signed: '已签收（办理中）',
  returned: '已退回',
  replied: '已答复',
};

/** A template as the command found and filled it for this ticket (null: no such template). */
export interface TemplateFact {
  key: string;
  version: number;
  use: string;
  category: string | null;
  text: string;
  missing: string[];
}

export interface Input12345 {
  action: Action12345;
  reason?: string | undefined;
  note?: string | undefined;
  template?: string | undefined;
  text?: string | undefined;
}

/** The transfer as received (or received again): state, and the two 12345 deadlines counted in working days. */
export function start12345(
  cal: WorkCalendar,
  on: string,
  workOrderNo: string,
  category: string | null,
  prev?: Transfer12345 | null,
): { t12345: Transfer12345; deadlines: Pick<Deadlines, 'sign_12345_by' | 'reply_12345_by'> } {
  const L = LIMITS_12345.deadlines;
  const reopened = !!prev;
  return {
    t12345: {
      work_order_no: workOrderNo,
      category: category ?? prev?.category ?? null,
      state: 'to_sign',
      received_on: on,
      signed_on: null,
      extended: false,
      reopen_count: (prev?.reopen_count ?? 0) + (reopened ? 1 : 0),
      messages: prev?.messages ?? [],
      satisfaction: prev?.satisfaction ?? null,
    },
    deadlines: {
      sign_12345_by: addPeriod(cal, on, L.sign),
      reply_12345_by: addPeriod(cal, on, reopened ? L.reopen_reply : L.reply),
    },
  };
}

/** Whether the action fits the transfer's state now (drives the buttons; decide12345 gives the reasons). */
export function can12345(action: Action12345, t: Transfer12345 | null | undefined): boolean {
  if (!t) return false;
  switch (action) {
    case 'sign_12345':
      return t.state === 'to_sign';
    case 'return_12345':
      return t.state === 'to_sign' || t.state === 'signed';
    case 'reply_12345':
      return t.state === 'signed';
    case 'extend_12345':
      return t.state === 'signed' && !t.extended;
  }
}

export interface Decision12345 {
  t12345: Transfer12345;
  deadlines: Deadlines;
  payload: Record<string, unknown>;
  message?: Message12345;
  outcome?: string;
}

export function decide12345(
  t: Transfer12345 | null | undefined,
  d: Deadlines,
  input: Input12345,
  ctx: { cal: WorkCalendar; today: string; at: string; template?: TemplateFact | null },
): Decision12345 {
  if (!t)
    return fail('illegal_transition', {
      zh: `${input.action} 仅适用于12345转办件 (not a 12345 transfer)`,
      en: `${input.action} applies only to 12345 transfers.`,
    });
  if (!can12345(input.action, t)) {
    return fail('illegal_transition', {
      zh: `转办件当前为「${STATE_12345_LABELS[t.state]}」，不能执行 ${input.action}${input.action === 'extend_12345' && t.extended ? '（只能延期一次）' : ''}`,
      en: `The transfer is ${t.state} and cannot take ${input.action}${input.action === 'extend_12345' && t.extended ? ' (it can be extended only once)' : ''}.`,
    });
  }
  const deadlines: Deadlines = { ...d };
  const payload: Record<string, unknown> = { work_order_no: t.work_order_no };
  const next: Transfer12345 = { ...t, messages: [...t.messages] };
  const seq = t.messages.length + 1;
  switch (input.action) {
    case 'sign_12345':
      next.state = 'signed';
      next.signed_on = ctx.today;
      payload.late = !!d.sign_12345_by && ctx.today > d.sign_12345_by;
      return { t12345: next, deadlines, payload };
    case 'return_12345': {
      const codes = LIMITS_12345.return_reasons;
      if (!input.reason)
        return fail('invalid_input', {
          zh: `退回须选择退回理由 (reason required: ${codes.map((r) => r.code).join(', ')})`,
          en: `Returning needs a reason (one of ${codes.map((r) => r.code).join(', ')}).`,
        });
      const r = codes.find((x) => x.code === input.reason);
      if (!r)
        return fail('invalid_input', {
          zh: `未知的退回理由代码 ${input.reason} (valid: ${codes.map((x) => x.code).join(', ')})`,
          en: `Unknown return reason code ${input.reason} (valid: ${codes.map((x) => x.code).join(', ')}).`,
        });
      const note = input.note?.trim() ?? '';
      if (r.code === 'R6' && !note)
        return fail('invalid_input', {
          zh: '退回理由为「其他」时须写明理由 (note required)',
          en: 'When the return reason is “other”, please write the reason.',
        });
      const message: Message12345 = {
        seq,
        kind: 'return',
        at: ctx.at,
        text: note ? `${r.text}：${note}` : r.text,
        reason: r.code,
        reason_text: r.text,
        late: !!d.sign_12345_by && ctx.today > d.sign_12345_by,
      };
      next.state = 'returned';
      next.messages.push(message);
      Object.assign(payload, { reason: r.code, reason_text: r.text, seq, late: message.late });
      return { t12345: next, deadlines, payload, message, outcome: 'returned_12345' };
    }
    case 'reply_12345': {
      if (!input.template)
        return fail('invalid_input', {
          zh: '答复须选择答复模板 (template required)',
          en: 'A reply needs a reply template.',
        });
      const tpl = ctx.template;
      if (!tpl)
        return fail('not_found', {
          zh: `答复模板 ${input.template.slice(0, 60)} 不存在 (no such template)`,
          en: `No such reply template: ${input.template.slice(0, 60)}`,
        });
      if (tpl.use !== '12345')
        return fail('invalid_input', {
          zh: `模板 ${tpl.key} 不是12345答复模板 (use ${tpl.use})`,
          en: `The template ${tpl.key} is not a 12345 reply template (it is for ${tpl.use}).`,
        });
      const own = input.text?.trim();
      if (!own && tpl.missing.length)
        return fail('invalid_input', {
          zh: `模板中以下内容须填写：${tpl.missing.join('、')} (fill the text)`,
          en: `Please fill in these parts of the template: ${tpl.missing.join(', ')}`,
        });
      const text = own || tpl.text.trim();
      if (!text)
        return fail('invalid_input', { zh: '答复内容不能为空 (text required)', en: 'The reply cannot be empty.' });
      const left = [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]);
      if (left.length)
        return fail('invalid_input', {
          zh: `答复中仍有未填写的模板内容：${left.join('、')} (unfilled placeholders)`,
          en: `The reply still has unfilled template parts: ${left.join(', ')}`,
        });
      const late = !!d.reply_12345_by && ctx.today > d.reply_12345_by;
      const message: Message12345 = {
        seq,
        kind: 'reply',
        at: ctx.at,
        text,
        template: tpl.key,
        template_version: tpl.version,
        late,
      };
      next.state = 'replied';
      next.messages.push(message);
      Object.assign(payload, { template: tpl.key, template_version: tpl.version, seq, late, text });
      return { t12345: next, deadlines, payload, message };
    }
    case 'extend_12345': {
      if (!input.note?.trim())
        return fail('invalid_input', {
          zh: '延期须写明理由 (note required)',
          en: 'An extension needs a written reason.',
        });
      if (!d.reply_12345_by) return fail('illegal_transition', 'no 12345 reply deadline to extend');
      deadlines.reply_12345_by = addPeriod(ctx.cal, d.reply_12345_by, LIMITS_12345.deadlines.extension);
      next.extended = true;
      Object.assign(payload, { from: d.reply_12345_by, new_reply_12345_by: deadlines.reply_12345_by });
      return { t12345: next, deadlines, payload };
    }
  }
}
