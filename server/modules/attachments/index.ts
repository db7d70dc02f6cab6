/** attachments: evidence files on tickets and business rebuttals, with the evidence module's checks as flags. */
export { attach, MAX_BYTES } from './commands/attach.js';
export { attachmentRoutes } from './http/routes.js';

import type { Db } from '../../platform/db/index.js';
import type { Sealer } from '../../platform/crypto/index.js';
import { attachmentRepo } from './repository.js';
/** At start: seal evidence files stored in clear before sealing at rest existed. */
export const sealLegacyAttachments = (db: Db, sealer: Sealer) => db.tx((q) => attachmentRepo.sealLegacy(q, sealer));
