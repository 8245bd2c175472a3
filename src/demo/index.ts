/**
 * The demo workspace (Larkspur Advisory): invented data seeded through the features' services, so
 * that it obeys the same rules as anything a user records. Only `outtask demo`, `outtask serve` on
 * an empty database, the benchmarks and the demo's own tests use it; other tests build their data
 * with test/factories.
 */
export { DEMO_FIRM, DEMO_FLAGSHIP_TASK_NAME, materializeDemoFirm } from './demo-firm.ts';
export { DEMO_FORM_YAML_V1, DEMO_FORM_YAML_V2 } from './demo-forms.ts';
export { type DemoDeps, type DemoLogin, seedDemoWorkspace } from './seed-demo.ts';
