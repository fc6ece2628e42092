import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Department, User } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { actorOf } from '../common/actor';
import type { CreateUserDto, UserDto } from './users.dto';

const toDto = (user: User): UserDto => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  active: user.active,
});

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

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
}
