/** attachments: evidence files on tickets and business rebuttals, with the evidence module's checks as flags. */
export { attach, MAX_BYTES } from './commands/attach.js';
export { attachmentRoutes } from './http/routes.js';
