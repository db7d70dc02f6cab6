/**
 * The ticket-level actions a detail screen may offer beside the workflow steps. The server decides which of them a
 * viewer gets (`allowed_actions`, from the permission catalog in server/modules/access/domain/catalog.ts); the web
 * only renders that list, and uses this one to tell these apart from the workflow steps in it.
 */
export const TICKET_LEVEL_ACTIONS = [
  'transfer',
  'inspect',
  'upload_evidence',
  'supervise',
  'view_supervisions',
  'record_proceedings',
  'view_proceedings',
  'view_cases',
  'act_on_cases',
  'answer_supervision',
  'propose_abnormal',
  'correct_labels',
] as const;
export type TicketLevelAction = (typeof TICKET_LEVEL_ACTIONS)[number];
