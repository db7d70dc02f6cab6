/** Who is acting (the type is platform's: the HTTP edge carries it on every request). */
import type { Actor } from '../../../platform/actor/index.js';

export type { Actor };

/** The system itself (imports, sweeps, demo ageing): acts with admin rights, always named in the audit log. */
export const SYSTEM: Actor = {
  id: 'system',
  username: 'system',
  role: 'admin',
  displayName: '系统',
  unitId: 'city',
  districtCode: null,
  enterpriseKey: null,
};
