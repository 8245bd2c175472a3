/** The commander program: one file per command group registers its commands here. */
import { Command } from 'commander';
import { registerAutomationCommands } from './automation.cli.ts';
import { registerInventoryCommands } from './inventory.cli.ts';
import { registerJobsCommands } from './jobs.cli.ts';
import { registerPipelinesCommands } from './pipelines.cli.ts';
import { registerPostsCommands } from './posts.cli.ts';
import { registerProceduresCommands } from './procedures.cli.ts';
import { registerSynthesesCommands } from './syntheses.cli.ts';
import { registerSynthesisCommands } from './synthesis.cli.ts';
import { registerSystemCommands } from './system.cli.ts';
import { registerUnitsCommands } from './units.cli.ts';
import { registerWorkOrdersCommands } from './workorders.cli.ts';

export function buildProgram(): Command {
  const program = new Command('outtask')
    .description('Outtask — the out-tasking workbench for boutique professional-service firms')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError()
    .option('-w, --workspace <slug>', 'the workspace to act on (default: the only one)');
  registerSystemCommands(program);
  registerInventoryCommands(program);
  registerProceduresCommands(program);
  registerSynthesisCommands(program);
  registerSynthesesCommands(program);
  registerAutomationCommands(program);
  registerJobsCommands(program);
  registerPipelinesCommands(program);
  registerUnitsCommands(program);
  registerPostsCommands(program);
  registerWorkOrdersCommands(program);
  return program;
}
