/**
 * Creates a user from the command line, e.g. the first admin of a new installation:
 *   npm run user:create -- --username admin --role admin
 *   npm run user:create -- --username fgw --role department --department 市发展改革委
 * The password comes from DUBAN_USER_PASSWORD, or one is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@duban/config';
import { createDataSource, Department, User, USER_ROLES, type UserRole } from '@duban/db';
import { recordChange } from '@duban/outbox';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const role = values.role as UserRole | undefined;
  if (
    !values.username ||
    !/^[A-Za-z0-9_.-]{3,50}$/.test(values.username) ||
    !role ||
    !USER_ROLES.includes(role)
  ) {
    throw new ConfigError(
      `usage: npm run user:create -- --username NAME --role ${USER_ROLES.join('|')} [--department 部门名称] [--name 显示名]`,
    );
  }
  if ((role === 'department') !== Boolean(values.department)) {
    throw new ConfigError('--department is required for the department role and only for it');
  }
  const password = process.env.DUBAN_USER_PASSWORD ?? randomBytes(15).toString('base64url');
  const problem = passwordProblem(password, {
    username: values.username,
    displayName: values.name,
  });
  if (problem) {
    throw new ConfigError(`DUBAN_USER_PASSWORD is refused: ${problem}`);
  }
  const dataSource = createDataSource({
    url: loadConfig().database.url,
    poolSize: 1,
    applicationName: 'duban-user-create',
  });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      const department = values.department
        ? await manager.findOne(Department, { where: { name: values.department } })
        : null;
      if (values.department && !department) {
        throw new ConfigError(
          `No department is named ${values.department}: load the directory or create it first`,
        );
      }
      if (await manager.existsBy(User, { username: values.username })) {
        throw new ConfigError(`User name ${values.username} is taken`);
      }
      const user = await manager.save(
        manager.create(User, {
          username: values.username,
          displayName: values.name ?? values.username,
          passwordHash: await hashPassword(password),
          role,
          departmentId: department?.id ?? null,
          passwordChangedAt: new Date(),
        }),
      );
      await recordChange(manager, {
        actor: { userId: null, label: 'user:create' },
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, role, departmentId: user.departmentId },
      });
    });
  } finally {
    await dataSource.destroy();
  }
  console.log(
    `Created ${role} ${values.username}${process.env.DUBAN_USER_PASSWORD ? '' : ` with password ${password} (shown once)`}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
