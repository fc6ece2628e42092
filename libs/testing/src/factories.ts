import { randomBytes } from 'node:crypto';
import { hashSync } from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { Department, type DepartmentKind, User, type UserRole } from '@duban/db';

const suffix = () => randomBytes(3).toString('hex');

// Hashed once: bcrypt is deliberately slow and tests create many users.
export const TEST_PASSWORD = 'duban-test-password';
const TEST_PASSWORD_HASH = hashSync(TEST_PASSWORD, 4);

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
