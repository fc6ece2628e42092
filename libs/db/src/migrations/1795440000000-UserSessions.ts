import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.session_version: every access token carries the version it was signed at, and the guard
 * refuses a token whose version is no longer the user's, so disabling, re-roling, moving, a
 * password change or "sign out everywhere" ends the user's sessions on their next request.
 * users.password_changed_at: when the password was last set (null: at creation, before this).
 * Failed sign-ins are counted in Redis, not here: an attacker's guesses must not write to the
 * database, and the counters expire on their own.
 */
export class UserSessions1795440000000 implements MigrationInterface {
  name = 'UserSessions1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT 1,
                           ADD "password_changed_at" timestamptz`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" DROP COLUMN "password_changed_at", DROP COLUMN "session_version"`,
    );
  }
}
