/** One place turns errors into HTTP answers: AppError by its code, validation by field, the rest as a bare 500. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, httpStatusFor, isAppError } from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(err)) {
    const status = httpStatusFor(err.code);
    if (status >= 500) request.log.error({ err }, 'app error');
    const retryAfter = err.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    reply.status(status).send({ error: err.toJSON() } satisfies ErrorBody);
    return;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    const first = issues[0];
    reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: first ? `${first.field}: ${first.message}` : 'The request is not valid',
        details: { issues },
      },
    } satisfies ErrorBody);
    return;
  }
  const fe = err as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 413
        ? 'FILE_TOO_LARGE'
        : fe.statusCode === 415
          ? 'CONTENT_TYPE_UNSUPPORTED'
          : 'VALIDATION_FAILED';
    reply.status(fe.statusCode).send({ error: { code, message: fe.message } } satisfies ErrorBody);
    return;
  }
  request.log.error({ err }, 'unhandled error');
  reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal error' } } satisfies ErrorBody);
}

export function notFoundError(method: string, url: string): AppError {
  return new AppError('NOT_FOUND', `Nothing at ${method} ${url.split('?')[0]}`);
}
