import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.errors';
import { loadConfig, redactUrl } from './config.loader';

const shipped = readFileSync(join(__dirname, '..', '..', '..', 'config', 'duban.yaml'), 'utf8');

describe('loadConfig', () => {
  let dir: string;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    DUBAN_CONFIG_DIR: dir,
    ...extra,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-config-'));
    writeFileSync(join(dir, 'duban.yaml'), shipped);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the shipped file with its defaults', () => {
    const config = loadConfig(env());
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/duban');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.api.port).toBe(3000);
    expect(config.outbox.relayEnabled).toBe(true);
  });

  it('reads the OpenAPI switch from API_DOCS and gives every api timeout and limit a default', () => {
    expect(loadConfig(env({ API_DOCS: 'false' })).api.docs).toBe(false);
    const config = loadConfig(env({ API_DOCS: 'true' }));
    expect(config.api.docs).toBe(true);
    expect(config.api.loginBodyLimitBytes).toBe(8192);
    expect(config.api.jsonBodyLimitBytes).toBe(65536);
    expect(config.api.requestTimeoutMs).toBe(60_000);
    expect(config.api.headersTimeoutMs).toBe(10_000);
  });

  it('lets the environment override URLs, port, time zone and switches', () => {
    const config = loadConfig(
      env({
        DATABASE_URL: 'postgresql://u:p@db:5433/x',
        REDIS_URL: 'redis://cache:6380/2',
        SMTP_URL: 'smtp://mail:2525',
        TZ: 'Asia/Urumqi',
        PORT: '8080',
        OUTBOX_RELAY_ENABLED: 'false',
        LOG_JSON: '0',
      }),
    );
    expect(config.database.url).toBe('postgresql://u:p@db:5433/x');
    expect(config.redis.url).toBe('redis://cache:6380/2');
    expect(config.smtp.url).toBe('smtp://mail:2525');
    expect(config.timezone).toBe('Asia/Urumqi');
    expect(config.api.port).toBe(8080);
    expect(config.outbox.relayEnabled).toBe(false);
    expect(config.log.json).toBe(false);
  });

  it.each([
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration database.url (env DATABASE_URL): expected a postgres:// or postgresql:// URL, got "mysql://x"',
    ],
    [
      { REDIS_URL: 'not a url' },
      'Invalid configuration redis.url (env REDIS_URL): expected a redis:// or rediss:// URL, got "not a url"',
    ],
    [
      { PORT: 'eighty' },
      'Invalid configuration api.port (env PORT): expected number, got "eighty"',
    ],
    [
      { PORT: '70000' },
      'Invalid configuration api.port (env PORT): Too big: expected number to be <=65535, got 70000',
    ],
    [
      { TZ: 'Mars/Olympus' },
      'Invalid configuration timezone (env TZ): expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"',
    ],
    [
      { LOG_LEVEL: 'chatty' },
      'Invalid configuration log.level (env LOG_LEVEL): Invalid option: expected one of "debug"|"info"|"warn"|"error", got "chatty"',
    ],
  ])('stops on a bad environment value with one line naming it: %j', (extra, message) => {
    expect(() => loadConfig(env(extra))).toThrow(new ConfigError(message));
  });

  it('names the file when a key is missing from it', () => {
    writeFileSync(join(dir, 'duban.yaml'), shipped.replace(/^ {2}poolSize: 10\n/m, ''));
    expect(() => loadConfig(env())).toThrow(
      new ConfigError(
        `Invalid configuration database.poolSize (${join(dir, 'duban.yaml')}): expected number, got nothing`,
      ),
    );
  });

  it('refuses unknown keys, so a misspelt setting is not silently ignored', () => {
    writeFileSync(
      join(dir, 'duban.yaml'),
      shipped.replace('  poolSize: 10', '  poolSize: 10\n  poolsize: 20'),
    );
    expect(() => loadConfig(env())).toThrow(/database \(.*\): unknown key\(s\) poolsize/);
  });

  it('says when the file is missing or not YAML', () => {
    rmSync(join(dir, 'duban.yaml'));
    expect(() => loadConfig(env())).toThrow(/duban\.yaml is missing/);
    writeFileSync(join(dir, 'duban.yaml'), 'database: [unclosed');
    expect(() => loadConfig(env())).toThrow(/is not valid YAML/);
  });

  describe('in production (NODE_ENV=production)', () => {
    const strong = 'q3Vb8Yx0mJr5Tn2Lw7Kc4Hs9Pd6Gf1Za';

    it('refuses the shipped development secret with one line saying what to set', () => {
      expect(() => loadConfig(env({ NODE_ENV: 'production' }))).toThrow(
        new ConfigError(
          'Refusing to start in production with the development JWT secret (anyone can forge tokens with it): set JWT_SECRET to a random secret of at least 32 characters (e.g. openssl rand -base64 48)',
        ),
      );
    });

    it('refuses the test secret, and a short one set through JWT_SECRET', () => {
      expect(() =>
        loadConfig(
          env({ NODE_ENV: 'production', JWT_SECRET: 'duban-test-secret-0123456789-abcdefghij' }),
        ),
      ).toThrow(/development JWT secret.*set JWT_SECRET/);
      expect(() =>
        loadConfig(env({ NODE_ENV: 'production', JWT_SECRET: strong.slice(0, 31) })),
      ).toThrow(/auth\.jwtSecret \(env JWT_SECRET\): expected a secret of at least 32 characters/);
    });

    it('starts with a secret of its own', () => {
      const config = loadConfig(env({ NODE_ENV: 'production', JWT_SECRET: strong }));
      expect(config.auth.jwtSecret).toBe(strong);
    });

    it('keeps the development secret working outside production', () => {
      expect(loadConfig(env({ NODE_ENV: 'development' })).auth.jwtSecret).toBe(
        'duban-development-secret-change-me-0123456789',
      );
    });
  });

  it('reads the sign-in settings, with defaults when the file has none', () => {
    expect(loadConfig(env()).auth).toMatchObject({
      userCacheMs: 1000,
      login: {
        accountMaxFailures: 10,
        accountLockSeconds: 900,
        addressMaxFailures: 50,
        addressWindowSeconds: 900,
      },
    });
    const without = shipped.replace(/^ {2}userCacheMs: 1000\n {2}login:\n( {4}.*\n)+/m, '');
    expect(without).not.toMatch(/userCacheMs|accountMaxFailures/);
    writeFileSync(join(dir, 'duban.yaml'), without);
    expect(loadConfig(env()).auth).toMatchObject({
      userCacheMs: 1000,
      login: { accountMaxFailures: 10, addressMaxFailures: 50 },
    });
  });

  it('never prints a password', () => {
    expect(() => loadConfig(env({ DATABASE_URL: 'mysql://admin:secret@db/x' }))).toThrow(
      'got "mysql://admin:***@db/x"',
    );
    expect(redactUrl('postgres://u:pw@h/db')).toBe('postgres://u:***@h/db');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
