import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { preparedStatement, queryPrepared, type UserRole } from '@duban/db';

/** A user as the guard needs them: who they are now, and whether their token still counts. */
export interface SessionUser {
  id: string;
  username: string;
  role: UserRole;
  departmentId: string | null;
  active: boolean;
  sessionVersion: number;
}

const SESSION_USER = preparedStatement(
  `SELECT id, username, role, department_id AS "departmentId", active,
          session_version AS "sessionVersion"
     FROM users WHERE id = $1`,
);

/** Enough for every user of an office several times over; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

/**
 * The guard's read of the user on every request, kept for `auth.userCacheMs` (1 s by default) in
 * this process so a page's burst of requests reads the row once. The process that changes a user
 * drops the entry at once (`forget`), so there the change counts from the next request. Another
 * API process keeps what it read for at most `auth.userCacheMs` more: a disabled user, or a token
 * whose session was ended, may pass there for up to that long (1 s by default), never longer.
 */
@Injectable()
export class UserSessionCache {
  private readonly entries = new Map<string, { user: SessionUser | null; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<SessionUser | null>>();
  /** Bumped by every `forget`: a read that started before it must not be kept. */
  private generation = 0;
  private readonly ttlMs: number;

  constructor(
    private readonly dataSource: DataSource,
    config: ConfigService<DubanConfig, true>,
  ) {
    this.ttlMs = config.get('auth', { infer: true }).userCacheMs;
  }

  /** The user with this id, or null when there is none. */
  async get(id: string): Promise<SessionUser | null> {
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > performance.now()) {
      return cached.user;
    }
    this.entries.delete(id);
    if (this.ttlMs === 0) {
      return this.read(id);
    }
    // Concurrent requests of one user share one read.
    const shared = this.loading.get(id);
    if (shared) {
      return shared;
    }
    const pending: Promise<SessionUser | null> = this.load(id).finally(() => {
      if (this.loading.get(id) === pending) {
        this.loading.delete(id);
      }
    });
    this.loading.set(id, pending);
    return pending;
  }

  /** Drops what this process knows of the user: their next request reads the row again. */
  forget(id: string): void {
    this.generation += 1;
    this.entries.delete(id);
    this.loading.delete(id);
  }

  private async load(id: string): Promise<SessionUser | null> {
    const generation = this.generation;
    const user = await this.read(id);
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
      this.entries.set(id, { user, expiresAt: performance.now() + this.ttlMs });
    }
    return user;
  }

  private async read(id: string): Promise<SessionUser | null> {
    const [row] = await queryPrepared<SessionUser>(this.dataSource, SESSION_USER, [id]);
    return row ?? null;
  }
}
