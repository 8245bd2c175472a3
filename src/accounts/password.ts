/** argon2id password hashing (OWASP minimums: 19 MiB, 2 iterations, 1 lane). */
import { hash, verify } from '@node-rs/argon2';

// The library's default algorithm is argon2id (its Algorithm enum is a const enum we cannot import
// under isolatedModules); password.test.ts checks the "$argon2id$" prefix so a change is caught.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
