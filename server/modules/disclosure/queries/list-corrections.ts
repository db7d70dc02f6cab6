/** Correction requests for the administrator, newest first; the contact only masked. */
import type { Ctx } from '../../workflow/index.js';
import { correctionRepo } from '../repository.js';

const STATE_LABELS: Record<string, string> = { open: '待处理', accepted: '已更正', rejected: '不予更正' };

export async function listCorrections(ctx: Ctx, limit = 100) {
  return {
    items: (await correctionRepo.list(ctx.db, limit)).map((r) => ({
      ...r,
      state_label: STATE_LABELS[r.state] ?? r.state,
    })),
  };
}
