/**
 * Answers go out through the route's declared response schema (the API contract the OpenAPI document
 * and the web app's types are made from). The schema trims what it does not name, which is what a
 * public API wants; but a field the web app reads and the schema forgot would vanish silently. So in
 * strict mode (tests and the browser tests turn it on) an answer the schema would change — a field
 * dropped, a value transformed — fails with a 500 that names the first difference, instead of going
 * out trimmed.
 */
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode } from 'zod/v4/core';
import { AppError } from '../errors.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The first place (a path like `rows[3].task.name`) where two JSON values differ, or null. */
export function firstDifference(sent: Json, kept: Json, at = ''): string | null {
  if (sent === kept) return null;
  if (Array.isArray(sent) || Array.isArray(kept)) {
    if (!Array.isArray(sent) || !Array.isArray(kept)) return at || '(the answer)';
    if (sent.length !== kept.length) return `${at}.length`;
    for (let i = 0; i < sent.length; i++) {
      const d = firstDifference(sent[i] as Json, kept[i] as Json, `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof sent === 'object' && typeof kept === 'object' && sent !== null && kept !== null) {
    for (const k of Object.keys(sent)) {
      const where = at ? `${at}.${k}` : k;
      if (!(k in kept)) return `${where} (not in the response schema)`;
      const d = firstDifference(sent[k] as Json, kept[k] as Json, where);
      if (d) return d;
    }
    for (const k of Object.keys(kept)) if (!(k in sent)) return `${at ? `${at}.` : ''}${k} (added)`;
    return null;
  }
  return at || '(the answer)';
}

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v) ?? 'null') as Json;

function resolveSchema(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  throw new Error(`A response schema must be a zod schema (got ${JSON.stringify(schema)})`);
}

/**
 * Checks that `value` passes through `schema` unchanged (strict mode); returns the encoded value.
 * Used by the serializer and by answers sent pre-rendered (cached JSON), which skip the serializer.
 */
export function encodeResponse(schema: unknown, value: unknown, where: string, strict: boolean): unknown {
  const result = safeEncode(resolveSchema(schema), value);
  if (result.error) {
    if (strict) {
      const issue = result.error.issues[0];
      throw new AppError(
        'INTERNAL',
        `${where}: the answer does not match its response schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      );
    }
    throw new ResponseSerializationError(where.split(' ')[0] ?? '', where.split(' ')[1] ?? '', {
      cause: result.error,
    });
  }
  if (strict) {
    const diff = firstDifference(asJson(value), asJson(result.data));
    if (diff) {
      throw new AppError(
        'INTERNAL',
        `${where}: the response schema would change the answer at ${diff}; declare the field in the route's response schema`,
      );
    }
  }
  return result.data;
}

export function contractSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    resolveSchema(schema);
    return (data) => JSON.stringify(encodeResponse(schema, data, `${method} ${url}`, strict));
  };
}
