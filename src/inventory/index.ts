export {
  DEFAULT_ECONOMICS_SETTINGS,
  type EconomicsSettings,
  type MeasuredLine,
  rankOpportunities,
  type StandardCost,
  taskEconomics,
} from './economics/index.ts';
export {
  createEconomicsService,
  type EconomicsService,
  economicsSettingsOf,
  type StandardCostSource,
} from './economics.service.ts';
export { IMPORT_FORMATS, type ImportFormat, writeTemplate } from './imports/index.ts';
export { parseMappingFile } from './imports/mapping-file.ts';
export type { ImportPreview, PeriodView } from './imports.service.ts';
export { inventoryRoutes } from './inventory.routes.ts';
export { TaskView } from './inventory.schemas.ts';
export {
  createInventoryService,
  type ImportReport,
  type InventoryActor,
  type InventoryService,
} from './inventory.service.ts';
export type { Confidentiality, Frequency, Member, MemberRole, Process, Task } from './inventory.ts';
export { MEMBER_ROLES, occurrencesPerYear } from './inventory.ts';
export { opportunitiesJson, taskListJson } from './inventory.views.ts';
