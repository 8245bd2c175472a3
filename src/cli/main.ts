/** CLI entry: build the program, run it, turn errors into a message on stderr and an exit code. */
import { exitCodeFor, isAppError } from '../platform/errors.ts';
import { buildProgram } from './program.ts';

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
    for (const row of rows.slice(0, 50)) process.stderr.write(`  ${row.message}\n`);
    if (rows.length > 50) process.stderr.write(`  … and ${rows.length - 50} more\n`);
    process.exitCode = exitCodeFor(err.code);
  } else if (err && typeof err === 'object' && 'code' in err && String(err.code).startsWith('commander.')) {
    process.exitCode = (err as { exitCode?: number }).exitCode ?? 2;
  } else {
    process.stderr.write(
      `outtask: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
