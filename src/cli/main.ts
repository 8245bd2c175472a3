/** CLI entry: build the program, run it, turn errors into a message on stderr and an exit code. */
import { exitCodeFor, isAppError } from '../platform/errors.ts';
import { config } from './context.ts';
import { buildProgram } from './program.ts';

function wantsStack(): boolean {
  try {
    return ['debug', 'trace'].includes(config().logLevel);
  } catch {
    return false;
  }
}

// `outtask tasks list --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (isAppError(err)) {
    process.stderr.write(`outtask: ${err.message}\n`);
    const rows = (err.details?.errors as { message: string }[] | undefined) ?? [];
    const total = typeof err.details?.errorCount === 'number' ? err.details.errorCount : rows.length;
    for (const row of rows.slice(0, 50)) process.stderr.write(`  ${row.message}\n`);
    if (total > 50) process.stderr.write(`  … and ${total - Math.min(rows.length, 50)} more\n`);
    process.exitCode = exitCodeFor(err.code);
  } else if (err && typeof err === 'object' && 'code' in err && String(err.code).startsWith('commander.')) {
    process.exitCode = (err as { exitCode?: number }).exitCode ?? 2;
  } else {
    // A message, not a stack trace: the trace is for whoever debugs it (OUTTASK_LOG_LEVEL=debug).
    const debug = wantsStack();
    process.stderr.write(
      `outtask: unexpected error: ${err instanceof Error ? ((debug ? err.stack : undefined) ?? err.message) : String(err)}\n` +
        (debug
          ? ''
          : 'This is a bug in Outtask: run it again with OUTTASK_LOG_LEVEL=debug for the details to report.\n'),
    );
    process.exitCode = 1;
  }
}
