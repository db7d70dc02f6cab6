/**
 * Who is acting: resolved once per request (or CLI run) and passed explicitly to every use case. The type lives in
 * platform because the HTTP edge carries it on every request (`req.actor`) and platform may not import modules; the
 * access module resolves it and owns the rules about it (re-exported from modules/access).
 */
import type { Role } from '../../../shared/domain.js';

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
