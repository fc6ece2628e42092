import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { configDirectory } from '@duban/config';
import { Department } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import type {
  CreateDepartmentDto,
  DepartmentDto,
  DirectoryLoadResultDto,
  UpdateDepartmentDto,
} from './department.dto';
import { DirectoryFileError, readDepartmentDirectory } from './department-directory';

export const toDepartmentDto = (d: Department): DepartmentDto => ({
  id: d.id,
  name: d.name,
  shortNames: d.shortNames,
  aliases: d.aliases,
  emails: d.emails,
  kind: d.kind,
  parentId: d.parentId,
});

const unique = (values: string[] | undefined) => [
  ...new Set((values ?? []).map((v) => v.trim()).filter(Boolean)),
];

@Injectable()
export class DepartmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(search?: string): Promise<DepartmentDto[]> {
    const query = this.dataSource
      .getRepository(Department)
      .createQueryBuilder('d')
      .orderBy('d.name');
    if (search) {
      query.where(`(d.name ILIKE :q OR :exact = ANY(d.short_names) OR :exact = ANY(d.aliases))`, {
        q: `%${escapeLike(search)}%`,
        exact: search,
      });
    }
    return (await query.getMany()).map(toDepartmentDto);
  }

  async get(id: string): Promise<DepartmentDto> {
    return toDepartmentDto(await this.find(this.dataSource.manager, id));
  }

  async create(actor: AuthUser, input: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, input.name);
      if (input.parentId) {
        await this.find(manager, input.parentId);
      }
      const saved = await manager.save(
        manager.create(Department, {
          name: input.name.trim(),
          shortNames: unique(input.shortNames),
          aliases: unique(input.aliases),
          emails: unique(input.emails),
          kind: input.kind ?? 'government',
          parentId: input.parentId ?? null,
        }),
      );
      await recordChange(manager, {
        actor: actorOf(actor),
        action: 'department.create',
        entityType: 'department',
        entityId: saved.id,
        after: { ...toDepartmentDto(saved) },
      });
      return toDepartmentDto(saved);
    });
  }

  async update(actor: AuthUser, id: string, input: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const department = await this.find(manager, id, true);
      const before = toDepartmentDto(department);
      if (input.name !== undefined && input.name.trim() !== department.name) {
        await this.assertNameFree(manager, input.name);
        department.name = input.name.trim();
      }
      if (input.parentId !== undefined) {
        if (input.parentId === id) {
          throw new UnprocessableEntityException('A department cannot be its own parent');
        }
        if (input.parentId) {
          await this.find(manager, input.parentId);
        }
        department.parentId = input.parentId;
      }
      department.shortNames =
        input.shortNames !== undefined ? unique(input.shortNames) : department.shortNames;
      department.aliases = input.aliases !== undefined ? unique(input.aliases) : department.aliases;
      department.emails = input.emails !== undefined ? unique(input.emails) : department.emails;
      department.kind = input.kind ?? department.kind;
      const saved = await manager.save(department);
      await recordChange(manager, {
        actor: actorOf(actor),
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        before: { ...before },
        after: { ...toDepartmentDto(saved) },
      });
      return toDepartmentDto(saved);
    });
  }

  /** Remembers a spelling the office confirmed in review, so the next import resolves it. */
  async addAlias(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    alias: string,
  ): Promise<void> {
    const department = await this.find(manager, id, true);
    if (department.name === alias || department.aliases.includes(alias)) {
      return;
    }
    department.aliases = [...department.aliases, alias];
    await manager.save(department);
    await recordChange(manager, {
      actor: actorOf(actor),
      action: 'department.alias',
      entityType: 'department',
      entityId: id,
      after: { alias },
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const department = await this.find(manager, id, true);
      const [{ used }] = await manager.query<[{ used: boolean }]>(
        `SELECT EXISTS (SELECT 1 FROM task_assignments WHERE department_id = $1)
             OR EXISTS (SELECT 1 FROM users WHERE department_id = $1) AS used`,
        [id],
      );
      if (used) {
        throw new ConflictException(
          `${department.name} has tasks or users: reassign them before deleting it`,
        );
      }
      await manager.delete(Department, { id });
      await recordChange(manager, {
        actor: actorOf(actor),
        action: 'department.delete',
        entityType: 'department',
        entityId: id,
        before: { ...toDepartmentDto(department) },
      });
    });
  }

  /** Upserts config/departments/*.yaml by name in one transaction. */
  async loadDirectory(
    actor: AuthUser,
    directory = `${configDirectory()}/departments`,
  ): Promise<DirectoryLoadResultDto> {
    let read: ReturnType<typeof readDepartmentDirectory>;
    try {
      read = readDepartmentDirectory(directory);
    } catch (error) {
      if (error instanceof DirectoryFileError) {
        throw new UnprocessableEntityException(error.message);
      }
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = new Map((await manager.find(Department)).map((d) => [d.name, d]));
      let created = 0;
      let updated = 0;
      for (const entry of read.entries) {
        const current = existing.get(entry.name);
        const department = current ?? manager.create(Department, { name: entry.name });
        department.shortNames = unique([
          ...(current?.shortNames ?? []),
          ...(entry.shortNames ?? []),
        ]);
        department.aliases = unique([...(current?.aliases ?? []), ...(entry.aliases ?? [])]);
        department.emails = entry.emails ? unique(entry.emails) : (current?.emails ?? []);
        department.kind = entry.kind ?? current?.kind ?? 'government';
        existing.set(entry.name, await manager.save(department));
        if (current) {
          updated += 1;
        } else {
          created += 1;
        }
      }
      for (const entry of read.entries.filter((e) => e.parent)) {
        await manager.update(
          Department,
          { name: entry.name },
          { parentId: existing.get(entry.parent ?? '')?.id ?? null },
        );
      }
      await recordChange(manager, {
        actor: actorOf(actor),
        action: 'department.directory.load',
        entityType: 'department',
        entityId: '00000000-0000-0000-0000-000000000000',
        after: { files: read.files, created, updated },
      });
      return { files: read.files, created, updated };
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<Department> {
    const department = await manager.findOne(Department, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!department) {
      throw new NotFoundException(`Department ${id} does not exist`);
    }
    return department;
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    if (await manager.existsBy(Department, { name: name.trim() })) {
      throw new ConflictException(`A department named ${name.trim()} already exists`);
    }
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
