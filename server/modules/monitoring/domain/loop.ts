/**
 * The monitoring loop of seed 004 as one tracked item and a state machine:
 *   监测指令发起 (city) → 监测机构接收 (monitoring body) → 监测结果反馈 (body) → 市局分派 (city, to districts)
 *   → 区局处置 (each district) → 处置结果反馈 (each district) → 办结 (city).
 * Pure: the commands load the item and its district assignments, ask `decide`, and store what it returns. Who may do a
 * step is decided here and nowhere else: the city bureau (admin) issues, dispatches, returns and closes; only the
 * monitoring body the instruction is addressed to receives it and reports findings; only the district a task was
 * dispatched to handles it and reports back. The analyst reads.
 */
import type { Bilingual } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';

export const STATES = ['issued', 'received', 'reported', 'dispatched', 'handled', 'closed'] as const;
export type State = (typeof STATES)[number];
export const STATE_LABELS: Record<State, string> = {
  issued: '已发起，待监测机构接收',
  received: '监测中',
  reported: '监测结果已反馈，待市局分派',
  dispatched: '区局处置中',
  handled: '处置结果已全部反馈，待市局办结',
  closed: '已办结',
};

export const TASK_STATES = ['assigned', 'handling', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  assigned: '已分派，待区局接收',
  handling: '区局处置中',
  done: '处置结果已反馈',
};

export const ACTIONS = [
  'receive',
  'report_findings',
  'return_findings',
  'dispatch',
  'accept_task',
  'report_handling',
  'close',
] as const;
export type Action = (typeof ACTIONS)[number];
export const ACTION_LABELS: Record<Action | 'issue', string> = {
  issue: '发起监测指令',
  receive: '接收监测指令',
  report_findings: '反馈监测结果',
  return_findings: '退回补充监测',
  dispatch: '分派区局处置',
  accept_task: '区局接收处置',
  report_handling: '反馈处置结果',
  close: '办结',
};

/** The English of the labels above, for refusals shown on an English screen (the stored labels stay Chinese). */
const STATE_EN: Record<State, string> = {
  issued: 'issued, awaiting the monitoring body',
  received: 'being monitored',
  reported: 'findings reported, awaiting dispatch by the city',
  dispatched: 'being handled by the districts',
  handled: 'all districts reported back, awaiting closing by the city',
  closed: 'closed',
};
const TASK_STATE_EN: Record<TaskState, string> = {
  assigned: 'is assigned, awaiting the district',
  handling: 'is being handled by the district',
  done: 'has its handling reported',
};
const ACTION_EN: Record<Action, string> = {
  receive: 'receive the monitoring instruction',
  report_findings: 'report the monitoring findings',
  return_findings: 'return the findings for more monitoring',
  dispatch: 'dispatch to the districts',
  accept_task: 'accept the handling task',
  report_handling: 'report the handling',
  close: 'close the item',
};

/** The six links of the chain as seed 004 names them, with the action that completes each. */
export const LINKS: { label: string; done: (Action | 'issue')[] }[] = [
  { label: '监测指令发起', done: ['issue'] },
  { label: '监测机构接收', done: ['receive'] },
  { label: '监测结果反馈', done: ['report_findings'] },
  { label: '市局分派', done: ['dispatch'] },
  { label: '区局处置', done: ['accept_task'] },
  { label: '处置结果反馈', done: ['report_handling'] },
];

export interface Finding {
  platform: string;
  account?: string | undefined;
  url?: string | undefined;
  description: string;
  district_code?: string | undefined;
}
export interface Item {
  state: State;
  body_user_id: string;
  findings: Finding[];
}
export interface Task {
  district_code: string;
  state: TaskState;
}
export interface DispatchTask {
  district_code: string;
  instruction: string;
  finding_refs?: number[] | undefined;
  due_date: string;
}

export type Input =
  | { action: 'receive'; note?: string | undefined }
  | { action: 'report_findings'; summary: string; findings: Finding[] }
  | { action: 'return_findings'; reason: string }
  | { action: 'dispatch'; tasks: DispatchTask[] }
  | { action: 'accept_task'; district_code: string; note?: string | undefined }
  | {
      action: 'report_handling';
      district_code: string;
      handling: string;
      cases_opened: number;
      accounts_handled: number;
    }
  | { action: 'close'; summary: string };

/** A refusal carries both texts: the command throws it as is, and an English screen shows the English. */
export type Refusal = { ok: false; code: 'forbidden' | 'invalid_input' | 'illegal_transition'; message: Bilingual };
export type Decision = {
  ok: true;
  state: State;
  /** district tasks to create (dispatch) or whose state changes */
  tasks: { district_code: string; state: TaskState; create?: DispatchTask }[];
  /** the district the step belongs to (district steps) */
  district_code: string | null;
};
const no = (code: Refusal['code'], message: Bilingual): Refusal => ({ ok: false, code, message });

export const isCity = (a: Actor) => a.role === 'admin';
export const isBody = (a: Actor, i: Pick<Item, 'body_user_id'>) => a.role === 'monitor' && a.id === i.body_user_id;
export const isDistrict = (a: Actor, districtCode: string) =>
  a.role === 'supervisor' && !!a.districtCode && a.districtCode === districtCode;

/** Who sees an item: the city and its analysts all, the body what is addressed to it, a district what it was sent. */
export function canSee(a: Actor, i: Pick<Item, 'body_user_id'>, tasks: Pick<Task, 'district_code'>[]): boolean {
  if (a.role === 'admin' || a.role === 'analyst') return true;
  if (a.role === 'monitor') return isBody(a, i);
  if (a.role === 'supervisor') return tasks.some((t) => isDistrict(a, t.district_code));
  return false;
}

const FROM: Record<Action, State[]> = {
  receive: ['issued'],
  report_findings: ['received'],
  return_findings: ['reported'],
  dispatch: ['reported'],
  accept_task: ['dispatched'],
  report_handling: ['dispatched'],
  close: ['handled', 'reported'],
};

export function decide(
  i: Item,
  tasks: Task[],
  a: Actor,
  input: Input,
  districts: ReadonlySet<string>,
): Decision | Refusal {
  const act = input.action;
  const who =
    act === 'receive' || act === 'report_findings'
      ? isBody(a, i)
      : act === 'accept_task' || act === 'report_handling'
        ? isDistrict(a, input.district_code) && tasks.some((t) => t.district_code === input.district_code)
        : isCity(a);
  if (!who) {
    const [whom, whomEn] =
      act === 'receive' || act === 'report_findings'
        ? ['指令所指定的监测机构', 'the monitoring body the instruction is addressed to']
        : act === 'accept_task' || act === 'report_handling'
          ? ['被分派的区局', 'the district the task was dispatched to']
          : ['市局', 'the city bureau'];
    return no('forbidden', { zh: `只有${whom}可以${ACTION_LABELS[act]}`, en: `Only ${whomEn} may ${ACTION_EN[act]}.` });
  }
  if (!FROM[act].includes(i.state))
    return no('illegal_transition', {
      zh: `当前状态「${STATE_LABELS[i.state]}」不能${ACTION_LABELS[act]}`,
      en: `In the current state (${STATE_EN[i.state]}) you cannot ${ACTION_EN[act]}.`,
    });
  const same = { ok: true as const, tasks: [] as Decision['tasks'], district_code: null };
  switch (act) {
    case 'receive':
      return { ...same, state: 'received' };
    case 'report_findings':
      if (!input.summary.trim())
        return no('invalid_input', { zh: '请填写监测结果概述', en: 'Please summarise the monitoring findings.' });
      return { ...same, state: 'reported' };
    case 'return_findings':
      if (!input.reason.trim())
        return no('invalid_input', { zh: '请写明退回补充的要求', en: 'Please state what more monitoring is needed.' });
      return { ...same, state: 'received' };
    case 'dispatch': {
      if (!i.findings.length)
        return no('illegal_transition', {
          zh: '监测未发现问题线索，无需分派，可直接办结',
          en: 'The monitoring found no leads: nothing to dispatch; the item can be closed directly.',
        });
      if (!input.tasks.length)
        return no('invalid_input', { zh: '请至少分派给一个区局', en: 'Please dispatch to at least one district.' });
      const seen = new Set<string>();
      for (const t of input.tasks) {
        if (!districts.has(t.district_code))
          return no('invalid_input', {
            zh: `未知的区局代码 ${t.district_code.slice(0, 12)}`,
            en: `Unknown district code ${t.district_code.slice(0, 12)}.`,
          });
        if (seen.has(t.district_code))
          return no('invalid_input', {
            zh: `区局 ${t.district_code} 重复分派`,
            en: `District ${t.district_code} is dispatched twice.`,
          });
        seen.add(t.district_code);
        if (!t.instruction.trim())
          return no('invalid_input', {
            zh: '请写明对区局的处置要求',
            en: 'Please state what the district is to do.',
          });
        const bad = (t.finding_refs ?? []).find((n) => !Number.isInteger(n) || n < 0 || n >= i.findings.length);
        if (bad !== undefined)
          return no('invalid_input', { zh: `线索序号 ${bad} 不存在`, en: `There is no lead number ${bad}.` });
      }
      return {
        ...same,
        state: 'dispatched',
        tasks: input.tasks.map((t) => ({ district_code: t.district_code, state: 'assigned' as const, create: t })),
      };
    }
    case 'accept_task': {
      const t = tasks.find((x) => x.district_code === input.district_code)!;
      if (t.state !== 'assigned')
        return no('illegal_transition', {
          zh: `该区局任务${TASK_STATE_LABELS[t.state]}`,
          en: `This district's task ${TASK_STATE_EN[t.state]}.`,
        });
      return {
        ok: true,
        state: i.state,
        tasks: [{ district_code: t.district_code, state: 'handling' }],
        district_code: t.district_code,
      };
    }
    case 'report_handling': {
      const t = tasks.find((x) => x.district_code === input.district_code)!;
      if (t.state === 'done')
        return no('illegal_transition', {
          zh: '该区局已反馈处置结果',
          en: 'This district has already reported its handling.',
        });
      if (!input.handling.trim())
        return no('invalid_input', { zh: '请填写处置情况', en: 'Please describe the handling.' });
      if (![input.cases_opened, input.accounts_handled].every((n) => Number.isInteger(n) && n >= 0))
        return no('invalid_input', {
          zh: '立案数和处置账号数应为非负整数',
          en: 'Cases opened and accounts handled must be whole numbers, zero or more.',
        });
      // the last district to report back completes the loop; the city then closes it
      const allDone = tasks.every((x) => x.district_code === t.district_code || x.state === 'done');
      return {
        ok: true,
        state: allDone ? 'handled' : 'dispatched',
        tasks: [{ district_code: t.district_code, state: 'done' }],
        district_code: t.district_code,
      };
    }
    case 'close':
      if (i.state === 'reported' && i.findings.length)
        return no('illegal_transition', {
          zh: '监测发现了问题线索，须先分派区局处置',
          en: 'The monitoring found leads: dispatch them to the districts first.',
        });
      if (!input.summary.trim())
        return no('invalid_input', { zh: '请填写办结意见', en: 'Please write the closing remarks.' });
      return { ...same, state: 'closed' };
  }
}

/** The steps this actor can take now (the screen's buttons); district steps name their district. */
export function available(i: Item, tasks: Task[], a: Actor): { action: Action; district_code?: string }[] {
  const out: { action: Action; district_code?: string }[] = [];
  const probe: Record<Action, Input> = {
    receive: { action: 'receive' },
    report_findings: { action: 'report_findings', summary: 'x', findings: [] },
    return_findings: { action: 'return_findings', reason: 'x' },
    dispatch: { action: 'dispatch', tasks: [] },
    close: { action: 'close', summary: 'x' },
    accept_task: { action: 'accept_task', district_code: '' },
    report_handling: {
      action: 'report_handling',
      district_code: '',
      handling: 'x',
      cases_opened: 0,
      accounts_handled: 0,
    },
  };
  for (const act of ACTIONS) {
    if (act === 'accept_task' || act === 'report_handling') {
      for (const t of tasks) {
        const r = decide(i, tasks, a, { ...probe[act], district_code: t.district_code } as Input, new Set());
        if (r.ok) out.push({ action: act, district_code: t.district_code });
      }
      continue;
    }
    const r = decide(i, tasks, a, probe[act], new Set());
    // dispatch is offered whenever the city may dispatch; its input is checked when it is sent
    if (r.ok || (act === 'dispatch' && r.code === 'invalid_input')) out.push({ action: act });
  }
  return out;
}
