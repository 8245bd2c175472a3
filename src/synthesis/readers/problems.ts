/**
 * The three ways reading a transcript can fail, as AppErrors whose message starts with
 * "file:line" and ends with what to do about it.
 */
import { AppError, type ErrorLocation, formatLocation } from '../../platform/errors.ts';

export type ReadProblemCode = 'TRANSCRIPT_FORMAT_UNKNOWN' | 'TRANSCRIPT_MALFORMED' | 'TRANSCRIPT_EMPTY';

export interface ProblemWhere extends ErrorLocation {
  file: string;
}

export function readProblem(
  code: ReadProblemCode,
  where: ProblemWhere,
  what: string,
  todo: string,
  extra?: Record<string, unknown>,
  cause?: unknown,
): AppError {
  const location = formatLocation(where);
  return new AppError(
    code,
    `${location}: ${what}. ${todo}`,
    { ...where, ...extra },
    cause === undefined ? undefined : { cause },
  );
}

export function malformed(
  where: ProblemWhere,
  what: string,
  todo = 'Fix that line or export the transcript again from its source.',
  extra?: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return readProblem('TRANSCRIPT_MALFORMED', where, what, todo, extra, cause);
}
