/**
 * Runs an external program (ffmpeg, an engine) as a child process with a timeout and an
 * AbortSignal, handing each output line to a callback as it arrives. The edge where automation
 * meets the operating system; every failure becomes an AppError that names the program.
 */
import { spawn } from 'node:child_process';
import { AppError, type ErrorCode } from '../platform/errors.ts';

export interface RunOptions {
  /** What the program does, for messages ("converting interview.m4a"). */
  what: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Written to the program's stdin, which is then closed. */
  input?: string;
  onStdoutLine?: (line: string) => void;
  /** Error code when the program exits non-zero. */
  failureCode?: ErrorCode;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** The last lines of a program's stderr: enough to say why it failed, not a wall of logs. */
export function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export function runProcess(command: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new AppError('TRANSCRIPTION_CANCELLED', `Cancelled before ${opts.what}`));
      return;
    }
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    let settled = false;
    const finish = (error: AppError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve({ stdout, stderr });
    };
    const timer = setTimeout(
      () =>
        finish(
          new AppError(
            'TRANSCRIPTION_TIMEOUT',
            `${command} took longer than ${Math.round(opts.timeoutMs / 1000)} s ${opts.what} and was stopped`,
            { command, timeoutMs: opts.timeoutMs },
          ),
        ),
      opts.timeoutMs,
    );
    const onAbort = () => finish(new AppError('TRANSCRIPTION_CANCELLED', `Cancelled while ${opts.what}`));
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!opts.onStdoutLine) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) opts.onStdoutLine(line);
    });
    child.stderr.on('data', (chunk: string) => {
      // Engines log a lot; keep the end, where the reason for a failure is.
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish(
        err.code === 'ENOENT'
          ? new AppError(
              'TOOL_MISSING',
              `${command} is not installed (needed for ${opts.what}); run \`outtask doctor\` to see what is missing`,
              { command },
              { cause: err },
            )
          : new AppError(
              'TRANSCRIPTION_FAILED',
              `${command} could not start: ${err.message}`,
              { command },
              { cause: err },
            ),
      );
    });
    child.on('close', (code, signal) => {
      if (partial && opts.onStdoutLine) opts.onStdoutLine(partial);
      if (code === 0) finish(null);
      else
        finish(
          new AppError(
            opts.failureCode ?? 'TRANSCRIPTION_FAILED',
            `${command} failed ${opts.what} (${signal ? `killed by ${signal}` : `exit ${code}`}): ${tail(stderr) || 'no message'}`,
            { command, exitCode: code },
          ),
        );
    });
    child.stdin.on('error', () => {}); // a program that exits without reading its input
    child.stdin.end(opts.input ?? '');
  });
}
