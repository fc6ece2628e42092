import { ConfigError } from './config.errors';
import type { DubanConfig } from './config.schema';

/**
 * Secrets published with Duban (config/duban.yaml, the test configuration): anyone who has read
 * the repository can sign an access token with them, so production never accepts one.
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  'duban-development-secret-change-me-0123456789',
  'duban-test-secret-0123456789-abcdefghij',
];

/** Shorter secrets can be guessed offline from one captured token (HS256 needs ≥ 256 bits). */
export const MIN_JWT_SECRET_LENGTH = 32;

const FIX = `set JWT_SECRET to a random secret of at least ${MIN_JWT_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`;

/**
 * With NODE_ENV=production, refuses a published or short JWT secret with one line saying what
 * to set. Every service loads its configuration through loadConfig, so none of them starts.
 */
export function assertProductionSecrets(config: DubanConfig, env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== 'production') {
    return;
  }
  const secret = config.auth.jwtSecret;
  if (PUBLISHED_JWT_SECRETS.includes(secret)) {
    throw new ConfigError(
      `Refusing to start in production with the development JWT secret (anyone can forge tokens with it): ${FIX}`,
    );
  }
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    throw new ConfigError(`The JWT secret is too short for production: ${FIX}`);
  }
}
