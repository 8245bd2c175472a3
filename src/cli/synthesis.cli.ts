/** `outtask deck` and `outtask ask`: the synthesis library with no server and no database. */
import type { Command } from 'commander';

export function registerSynthesisCommands(_program: Command): void {
  // deck and ask are registered here (see issue 4)
}
