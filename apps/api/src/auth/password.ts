import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { verifyLegacyBcrypt } from './legacy-bcrypt';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64): the parameters
 * travel with each hash, so raising them later leaves old hashes readable, and they are
 * upgraded on the next sign-in. node:crypto's scrypt runs on libuv's thread pool, not on the
 * event loop, and reads the whole password (bcrypt silently ignored what followed 72 bytes,
 * about 24 Chinese characters).
 *
 * N = 2^14, r = 8, p = 1 (16 MiB a hash) took 36–99 ms a hash on the 2-core target machine
 * (measured 5 in a row, `node -e` with crypto.scrypt), the aim being 50–100 ms: slow for
 * someone trying guesses against a stolen table, unnoticed at sign-in.
 */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds for stored parameters, so a damaged row cannot make one sign-in take minutes or GiBs. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/**
 * Hashes run on libuv's thread pool (4 threads), but on a 2-core machine four hashes at once
 * would take both cores from the event loop: 16 parallel sign-ins made GET /auth/me wait 250 ms.
 * At most cores − 1 hashes run at once; further sign-ins wait their turn, other requests do not.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) {
      next();
    } else {
      running -= 1;
    }
  }
}

function derive(
  password: string,
  salt: Buffer,
  params: ScryptOptions & { N: number; r: number; p: number },
): Promise<Buffer> {
  // Input methods can send the same Chinese text composed or decomposed: one form is hashed.
  const input = password.normalize('NFC');
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(
          input,
          salt,
          KEY_BYTES,
          { ...params, maxmem: 256 * params.N * params.r * params.p + 1024 * 1024 },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
}

export function formatScryptHash(hash: ScryptHash): string {
  return [
    'scrypt',
    hash.N,
    hash.r,
    hash.p,
    hash.salt.toString('base64'),
    hash.key.toString('base64'),
  ].join('$');
}

/** The parts of a stored scrypt hash, or null when it is not one this code can read. */
export function parseScryptHash(stored: string): ScryptHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return null;
  }
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) {
    return null;
  }
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || key.length < 16) {
    return null;
  }
  return { N, r, p, salt, key };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return formatScryptHash({ ...SCRYPT_PARAMS, salt, key });
}

export interface PasswordCheck {
  matches: boolean;
  /** The hash is bcrypt or scrypt with other parameters: store a new one after this sign-in. */
  needsRehash: boolean;
}

const isLegacyBcrypt = (stored: string) => /^\$2[aby]\$\d\d\$/.test(stored);

/** Compares without blocking the event loop, whatever the stored format; false for an unreadable hash. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (isLegacyBcrypt(stored)) {
    const matches = await withHashSlot(() => verifyLegacyBcrypt(password, stored));
    return { matches, needsRehash: true };
  }
  const hash = parseScryptHash(stored);
  if (!hash) {
    return { matches: false, needsRehash: false };
  }
  const key = await derive(password, hash.salt, hash);
  const matches = key.length === hash.key.length && timingSafeEqual(key, hash.key);
  const current =
    hash.N === SCRYPT_PARAMS.N && hash.r === SCRYPT_PARAMS.r && hash.p === SCRYPT_PARAMS.p;
  return { matches, needsRehash: !current };
}

/**
 * Compared when the user name is unknown: a hash of random bytes with the current parameters, so
 * an unknown name costs exactly one real hash, as a known one does, and matches nothing.
 */
export const UNKNOWN_USER_HASH = formatScryptHash({
  ...SCRYPT_PARAMS,
  salt: randomBytes(SALT_BYTES),
  key: randomBytes(KEY_BYTES),
});
