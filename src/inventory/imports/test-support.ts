/** Test helpers for the import parsers: fixture files and a way to catch AppErrors. Used only by tests. */
import { readFileSync } from 'node:fs';
import { AppError } from '../../platform/errors.ts';

export const FIXTURES = {
  harvest: 'harvest-detailed-time.csv',
  toggl: 'toggl-detailed.csv',
  clockify: 'clockify-detailed.csv',
  outtask: 'outtask-tasks.csv',
} as const;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name)).replace(/^\ufeff/, '');
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The AppError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an AppError, but the promise resolved');
}
