/** The commander program: one file per command group registers its commands here. */
import { Command } from 'commander';
import { registerSynthesisCommands } from './synthesis.cli.ts';

export function buildProgram(): Command {
  const program = new Command('outtask')
    .description('Outtask — the out-tasking workbench for boutique professional-service firms')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerSynthesisCommands(program);
  return program;
}
