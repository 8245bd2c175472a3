/**
 * The API contract as the web app sees it: the types generated from the server's OpenAPI document
 * (schema.gen.ts, `npm run api:types`), by schema name or by route. The web app takes its API types
 * from here only, so they are the server's declared answers and cannot drift.
 */
import type { components, paths } from './schema.gen.ts';

/** A named schema of the OpenAPI document (a zod schema's `.meta({ id })` on the server). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202>];

/** The JSON a route answers with on success (its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method = 'get'> = Json<
  Success<Operation<P, M> extends { responses: infer R } ? R : never>
>;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? Json<NonNullable<B>>
    : never;
