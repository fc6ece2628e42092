import { randomBytes, scryptSync } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Department, type DepartmentKind, User, type UserRole } from '@duban/db';

const suffix = () => randomBytes(3).toString('hex');

// Hashed once (hashing is deliberately slow and tests create many users), in the API's format
// and with its current parameters (apps/api/src/auth/password.ts, whose spec checks that they
// agree), so signing in does not replace the hash.
export const TEST_PASSWORD = 'duban-test-password';
const TEST_SALT = randomBytes(16);
export const TEST_PASSWORD_HASH = [
  'scrypt',
  2 ** 14,
  8,
  1,
  TEST_SALT.toString('base64'),
  scryptSync(TEST_PASSWORD, TEST_SALT, 32, { N: 2 ** 14, r: 8, p: 1 }).toString('base64'),
].join('$');

export async function makeDepartment(
  dataSource: DataSource,
  overrides: Partial<Pick<Department, 'name' | 'shortNames' | 'aliases' | 'emails'>> & {
    kind?: DepartmentKind;
  } = {},
): Promise<Department> {
  const name = overrides.name ?? `市测试局${suffix()}`;
  return dataSource.getRepository(Department).save({
    name,
    shortNames: overrides.shortNames ?? [],
    aliases: overrides.aliases ?? [],
    emails: overrides.emails ?? [`${suffix()}@dept.example`],
    kind: overrides.kind ?? 'government',
  });
}

export async function makeUser(
  dataSource: DataSource,
  role: UserRole,
  departmentId: string | null = null,
  overrides: Partial<Pick<User, 'username' | 'active'>> = {},
): Promise<User> {
  return dataSource.getRepository(User).save({
    username: overrides.username ?? `${role}_${suffix()}`,
    displayName: `${role} user`,
    passwordHash: TEST_PASSWORD_HASH,
    role,
    departmentId,
    active: overrides.active ?? true,
  });
}
