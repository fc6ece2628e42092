import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { DubanConfig } from '@duban/config';
import { REDIS_CLIENT } from '@duban/queue';

/** A sign-in refused before any password is compared; the controller sends Retry-After. */
export class LoginThrottledException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: 429, error: 'Too Many Requests', message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Failed sign-ins are counted for this long per account; a success or the office resets them. */
const ACCOUNT_COUNT_SECONDS = 24 * 3600;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Counts failed sign-ins in the API's Redis, shared by every API process, per account (the user
 * name as typed, whether or not it exists, so the answer says nothing about which do) and per
 * client address. Only failures count: one address signing in many users is never slowed.
 * Both limits are checked before the password is compared, so once locked even the right
 * password is refused, and a locked attacker costs no hashing.
 * When Redis cannot answer, sign-in is refused (503) rather than left unthrottled.
 */
@Injectable()
export class LoginThrottle {
  private readonly accounts: RateLimiterRedis;
  private readonly addresses: RateLimiterRedis;
  private readonly settings: DubanConfig['auth']['login'];

  constructor(@Inject(REDIS_CLIENT) redis: Redis, config: ConfigService<DubanConfig, true>) {
    this.settings = config.get('auth', { infer: true }).login;
    const prefix = config.get('redis', { infer: true }).prefix;
    this.accounts = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-failures:account`,
      points: this.settings.accountMaxFailures,
      duration: ACCOUNT_COUNT_SECONDS,
    });
    this.addresses = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-failures:address`,
      points: this.settings.addressMaxFailures,
      duration: this.settings.addressWindowSeconds,
    });
  }

  /** Throws LoginThrottledException when the account or the address may not try now. */
  async check(username: string, address: string): Promise<void> {
    const [account, fromAddress] = await this.store(() =>
      Promise.all([this.accounts.get(username), this.addresses.get(address)]),
    );
    if (account && account.consumedPoints >= this.settings.accountMaxFailures) {
      throw new LoginThrottledException(
        `Too many failed sign-ins for this user name: try again in ${minutes(account.msBeforeNext)} minutes, or ask the office to unlock the account`,
        Math.ceil(account.msBeforeNext / 1000),
      );
    }
    if (fromAddress && fromAddress.consumedPoints >= this.settings.addressMaxFailures) {
      throw new LoginThrottledException(
        `Too many failed sign-ins from this address: try again in ${minutes(fromAddress.msBeforeNext)} minutes`,
        Math.ceil(fromAddress.msBeforeNext / 1000),
      );
    }
  }

  /** Counts a failed sign-in; the one that reaches the limit locks the account for the lock time. */
  async recordFailure(username: string, address: string): Promise<void> {
    const [account] = await this.store(() =>
      Promise.all([this.accounts.penalty(username), this.addresses.penalty(address)]),
    );
    if (account.consumedPoints >= this.settings.accountMaxFailures) {
      await this.store(() => this.accounts.block(username, this.settings.accountLockSeconds));
    }
  }

  /** A successful sign-in, or the office unlocking the account: its failures start again from 0. */
  async reset(username: string): Promise<void> {
    await this.store(() => this.accounts.delete(username));
  }

  /** Whether the account is locked now (for the office's view of a user). */
  async isLocked(username: string): Promise<boolean> {
    const account = await this.store(() => this.accounts.get(username));
    return account !== null && account.consumedPoints >= this.settings.accountMaxFailures;
  }

  private async store<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch {
      // get, penalty, block and delete reject only on a store error, never for a limit.
      throw new ServiceUnavailableException(
        'Sign-in is unavailable for a moment (the session store does not answer): try again shortly',
      );
    }
  }
}
