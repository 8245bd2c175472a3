/**
 * Pieces every feature's response schemas share. A route's `schema.response` is the API contract: the
 * OpenAPI document (GET /api/docs/json) is made from it, and the web app's types are generated from that
 * document (web/src/api/schema.gen.ts, `npm run contract`). A schema with `.meta({ id })` becomes a
 * named component (`components.schemas.<id>`), which is the name the web app uses.
 */
import { z } from 'zod';
import type { Money } from './money.ts';

/**
 * Compile-time check that a response schema and the domain type it describes have the same shape
 * (each assignable to the other); `true` is the only argument that compiles. The strict responses of
 * the tests catch the rest (an optional field the schema forgot).
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export function sameShape<A, B>(ok: SameShape<A, B>): void {
  void ok;
}

export const MoneyOut = z
  .object({ amountMinor: z.number().int(), currency: z.string() })
  .meta({ id: 'Money', description: 'Exact money: integer minor units (cents) and an ISO-4217 currency' });
sameShape<z.output<typeof MoneyOut>, Money>(true);

/** The body of every failure (4xx, 5xx): a specific code, a message saying what and where, details. */
export const ErrorBodyOut = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

/** `{ ok: true }`: a command that has nothing else to say. */
export const OkOut = z.object({ ok: z.literal(true) });

/** 204: no body (`type: 'null'` is how the OpenAPI generator leaves a response without content). */
export const noContent = z.any().meta({ type: 'null', description: 'No content' });

/** A file answer (not JSON): its media types, for the OpenAPI document. The bytes skip the serializer. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  // any: the handler sends bytes or text, which skip the serializer; the document says binary.
  const schema = z.any().meta({ type: 'string', format: 'binary' });
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((t) => [t, { schema }])),
  };
}
