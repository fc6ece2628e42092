import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Department, User } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import type { LoginResponseDto } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { UserSessionCache } from '../auth/user-session-cache';
import { actorOf } from '../common/actor';
import type { CreateUserDto, UpdateUserDto, UserDto } from './users.dto';

const toDto = (user: User): UserDto => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  active: user.active,
});

/** What one change did, for the audit row; `endSessions` raises the user's session version. */
interface Outcome {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  endSessions: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: UserSessionCache,
    private readonly throttle: LoginThrottle,
    private readonly auth: AuthService,
  ) {}

  async create(actor: AuthUser, input: CreateUserDto): Promise<UserDto> {
    if ((input.role === 'department') !== (input.departmentId !== undefined)) {
      throw new UnprocessableEntityException(
        'departmentId is required for the department role and only for it',
      );
    }
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (input.departmentId && !(await manager.existsBy(Department, { id: input.departmentId }))) {
        throw new NotFoundException(`Department ${input.departmentId} does not exist`);
      }
      if (await manager.existsBy(User, { username: input.username })) {
        throw new ConflictException(`User name ${input.username} is taken`);
      }
      const user = await manager.save(
        manager.create(User, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          departmentId: input.departmentId ?? null,
          passwordChangedAt: new Date(),
        }),
      );
      await recordChange(manager, {
        actor: actorOf(actor),
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, role: user.role, departmentId: user.departmentId },
      });
      return toDto(user);
    });
  }

  async list(): Promise<UserDto[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
    return users.map(toDto);
  }

  /** Display name, role, department; a new role or department ends the user's sessions. */
  update(actor: AuthUser, id: string, input: UpdateUserDto): Promise<UserDto> {
    return this.change(actor, id, 'user.update', async (user, manager) => {
      const role = input.role ?? user.role;
      // Leaving the department role leaves the department; joining it needs one.
      const departmentId =
        input.departmentId !== undefined
          ? input.departmentId
          : role === 'department'
            ? user.departmentId
            : null;
      if ((role === 'department') !== (departmentId !== null)) {
        throw new UnprocessableEntityException(
          'departmentId is required for the department role and only for it',
        );
      }
      if (id === actor.id && role !== user.role) {
        throw new ConflictException('You cannot change your own role: ask another admin');
      }
      if (departmentId && !(await manager.existsBy(Department, { id: departmentId }))) {
        throw new NotFoundException(`Department ${departmentId} does not exist`);
      }
      const before = {
        displayName: user.displayName,
        role: user.role,
        departmentId: user.departmentId,
      };
      const endSessions = role !== user.role || departmentId !== user.departmentId;
      user.displayName = input.displayName ?? user.displayName;
      user.role = role;
      user.departmentId = departmentId;
      const after = { displayName: user.displayName, role, departmentId };
      return { before, after, endSessions };
    });
  }

  /** Disabling refuses the user's sign-ins and ends their sessions; enabling lets them sign in. */
  setActive(actor: AuthUser, id: string, active: boolean): Promise<UserDto> {
    return this.change(actor, id, active ? 'user.enable' : 'user.disable', (user) => {
      if (id === actor.id && !active) {
        throw new ConflictException('You cannot disable your own account: ask another admin');
      }
      const before = { active: user.active };
      user.active = active;
      return { before, after: { active }, endSessions: !active };
    });
  }

  /**
   * The office sets a new password (the user forgot theirs): every session of the user ends, and
   * the account's failed sign-ins are cleared so the new password works at once.
   */
  async resetPassword(actor: AuthUser, id: string, newPassword: string): Promise<UserDto> {
    const passwordHash = await hashPassword(newPassword);
    const user = await this.change(actor, id, 'user.password.reset', (target) => {
      this.refuseNamesIn(newPassword, target);
      target.passwordHash = passwordHash;
      target.passwordChangedAt = new Date();
      return {
        before: null,
        after: { passwordChangedAt: target.passwordChangedAt },
        endSessions: true,
      };
    });
    await this.throttle.reset(user.username);
    return user;
  }

  /**
   * A user changes their own password: the current one is checked (and a wrong one counted like a
   * failed sign-in), every session ends, and a token for the new session is returned.
   */
  async changeOwnPassword(
    actor: AuthUser,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<LoginResponseDto> {
    const current = await this.dataSource.getRepository(User).findOneBy({ id: actor.id });
    if (!current) {
      throw new NotFoundException(`User ${actor.id} does not exist`);
    }
    await this.auth.confirmPassword(current, currentPassword, address);
    this.refuseNamesIn(newPassword, current);
    const passwordHash = await hashPassword(newPassword);
    let changed: User | undefined;
    await this.change(actor, actor.id, 'user.password.change', (user) => {
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
      changed = user;
      return {
        before: null,
        after: { passwordChangedAt: user.passwordChangedAt },
        endSessions: true,
      };
    });
    return this.auth.issueToken(changed as User);
  }

  /** Ends every session of the user (a lost phone, a shared computer); they sign in again. */
  signOutEverywhere(actor: AuthUser, id: string): Promise<UserDto> {
    return this.change(actor, id, 'user.sign-out-everywhere', () => ({
      before: null,
      after: null,
      endSessions: true,
    }));
  }

  /** Lifts the lock that failed sign-ins put on the account (the password stays as it is). */
  async unlock(actor: AuthUser, id: string): Promise<UserDto> {
    const user = await this.change(actor, id, 'user.unlock', () => ({
      before: null,
      after: null,
      endSessions: false,
    }));
    await this.throttle.reset(user.username);
    return user;
  }

  /**
   * Applies one change to a user in a transaction, with its audit row, raising the session version
   * when the change ends sessions; then drops this process's cached row, after the commit, so a
   * concurrent request cannot cache the old one again.
   */
  private async change(
    actor: AuthUser,
    id: string,
    action: string,
    apply: (user: User, manager: EntityManager) => Outcome | Promise<Outcome>,
  ): Promise<UserDto> {
    const dto = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) {
        throw new NotFoundException(`User ${id} does not exist`);
      }
      const outcome = await apply(user, manager);
      if (outcome.endSessions) {
        user.sessionVersion += 1;
      }
      await manager.save(user);
      await recordChange(manager, {
        actor: actorOf(actor),
        action,
        entityType: 'user',
        entityId: user.id,
        before: outcome.before,
        after: outcome.endSessions ? { ...outcome.after, sessionsEnded: true } : outcome.after,
      });
      return toDto(user);
    });
    this.sessions.forget(id);
    return dto;
  }

  /** The policy's check of the user's own names, which the request body does not carry. */
  private refuseNamesIn(password: string, user: User): void {
    const problem = passwordProblem(password, {
      username: user.username,
      displayName: user.displayName,
    });
    if (problem) {
      throw new UnprocessableEntityException(problem);
    }
  }
}
