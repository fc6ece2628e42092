import { compare, hash } from 'bcryptjs';

/** bcrypt cost: about 50–100 ms a hash on the target machines, slow enough for a stolen table. */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return compare(password, passwordHash);
}
