import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { User } from '@duban/db';
import type { AccessTokenClaims } from './auth-user';
import type { LoginResponseDto } from './auth.dto';
import { verifyPassword } from './password';

/** A hash of nothing, compared when the user is unknown so both failures take the same time. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.4vhQ6QW1pTz9p0j0kS0M1e7r4e8u';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<DubanConfig, true>,
  ) {}

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findOne({ where: { username } });
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches || !user.active) {
      throw new UnauthorizedException('Wrong user name or password');
    }
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      dept: user.departmentId,
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
}
