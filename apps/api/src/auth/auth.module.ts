import { createSecretKey } from 'node:crypto';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DubanConfig } from '@duban/config';
import { User } from '@duban/db';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { stopLegacyBcryptWorkers } from './legacy-bcrypt';
import { LoginThrottle } from './login-throttle';
import { UserSessionCache } from './user-session-cache';

/** Sign-in and the guard every route passes through (see AuthGuard). */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<DubanConfig, true>) => {
        const auth = config.get('auth', { infer: true });
        return {
          // A KeyObject, not the string: given a string, the JWT library first tries to read it
          // as a PEM public key on every verification and fails, an exception per request that
          // cost the task page half its CPU. The bytes are the same, so tokens stay valid.
          secret: createSecretKey(Buffer.from(auth.jwtSecret, 'utf8')),
          signOptions: { expiresIn: auth.tokenTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottle,
    UserSessionCache,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, LoginThrottle, UserSessionCache],
})
export class AuthModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await stopLegacyBcryptWorkers();
  }
}
