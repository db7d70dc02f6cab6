/** Who is acting: resolved once per request (or CLI run) and passed explicitly to every use case. */
import type { Role } from '../../../../shared/domain.js';

export interface Actor {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  unitId: string | null;
  /** district code of the actor's unit (station → its district) */
  districtCode: string | null;
  enterpriseKey: string | null;
  /** set when an ODR firm's API key authenticated the request (not a person's session): it may not manage keys */
  apiKeyId?: string;
}

/** The system itself (imports, sweeps, demo ageing): acts with admin rights, always named in the audit log. */
export const SYSTEM: Actor = { id: 'system', username: 'system', role: 'admin', displayName: '系统', unitId: 'city', districtCode: null, enterpriseKey: null };
