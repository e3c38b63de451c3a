export {
  DEMO_CONCEPTS,
  DEMO_INSTRUCTOR,
  DEMO_MILESTONE,
  DEMO_TICKETS,
  DEMO_WIKI_PAGES,
} from './demo-content.js';
export { DEFAULT_PERMISSIONS } from './permissions.js';
export { DEFAULT_REPORTS, type DefaultReport } from './reports.js';
export { DEMO_PATH_TITLE, type SeedDemoResult, seedDemo } from './seed-demo.js';
export { type SeedSiteResult, seedSite, TRAC_DATABASE_VERSION } from './seed-site.js';
export { DEFAULT_TICKET_CUSTOM_FIELDS, TICKET_CUSTOM_FIELDS_KEY } from './ticket-custom-fields.js';
export { BASIC_WORKFLOW, TICKET_WORKFLOW_KEY, type WorkflowAction } from './workflow.js';
