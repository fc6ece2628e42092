import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { User } from '@duban/db';
import type { AccessTokenClaims } from './auth-user';
import type { LoginResponseDto } from './auth.dto';
import { LoginThrottle } from './login-throttle';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password';

const WRONG = 'Wrong user name or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<DubanConfig, true>,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Signs in from client address `address`. A locked account or address is refused (429) before
   * any password is compared; an unknown user name costs one real hash comparison, as a known
   * one does, and is counted and answered alike. A hash in an older format is replaced.
   */
  async login(username: string, password: string, address: string): Promise<LoginResponseDto> {
    await this.throttle.check(username, address);
    const user = await this.users.findOne({ where: { username } });
    const check = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !check.matches || !user.active) {
      await this.throttle.recordFailure(username, address);
      throw new UnauthorizedException(WRONG);
    }
    await this.throttle.reset(username);
    if (check.needsRehash) {
      await this.upgradeHash(user, password);
    }
    return this.issueToken(user);
  }

  /**
   * Checks a signed-in user's own password (to change it), counted against the account like a
   * sign-in, so a stolen token cannot be used to guess it.
   */
  async confirmPassword(user: User, password: string, address: string): Promise<void> {
    await this.throttle.check(user.username, address);
    if (!(await verifyPassword(password, user.passwordHash)).matches) {
      await this.throttle.recordFailure(user.username, address);
      throw new UnauthorizedException('The current password is wrong');
    }
  }

  /** An access token for the user at their current session version. */
  async issueToken(
    user: Pick<User, 'id' | 'username' | 'role' | 'departmentId' | 'sessionVersion'>,
  ): Promise<LoginResponseDto> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      dept: user.departmentId,
      ver: user.sessionVersion,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.get('auth', { infer: true }).tokenTtlSeconds,
      user: {
        id: user.id,
        username: user.username,
        role: user.role,
        departmentId: user.departmentId,
      },
    };
  }

  /** Stores the password again in the current format; sessions go on (the password is the same). */
  private async upgradeHash(user: User, password: string): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash: await hashPassword(password) })
      .where('id = :id AND password_hash = :old', { id: user.id, old: user.passwordHash })
      .execute();
  }
}
