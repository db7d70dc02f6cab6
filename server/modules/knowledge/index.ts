/** knowledge: reply templates (versioned, with ticket placeholders), the 避坑指南 for businesses, the legal-basis library. */
export { listTemplates, getTemplate, templateWithHistory, type TemplateView } from './queries/templates.js';
export { editTemplate, type TemplateEdit } from './commands/edit-template.js';
export { seedKnowledge } from './commands/seed-knowledge.js';
export {
  fillTemplate,
  varsFromTicket,
  placeholdersOf,
  PLACEHOLDERS,
  CATEGORIES_12345,
  CATEGORY_12345_LABELS,
  OUTCOMES,
  OUTCOME_LABELS,
  type TemplateUse,
  type TemplateVars,
  type TicketForVars,
  type Category12345,
  type Outcome,
} from './domain/templates.js';
export type { TemplateRow } from './repository.js';
export { listGuide, type GuideQuery } from './queries/guide.js';
export { listLaws, lawArticle, legalBasis, type LegalBasis } from './queries/laws.js';
export { searchGuide, type GuideItem } from './domain/guide.js';
export { citation, inForceOn, type LawArticle } from './domain/laws.js';
export { knowledgeRoutes } from './http/routes.js';
