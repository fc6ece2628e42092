import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { configSchema, type DubanConfig } from './config.schema';
import { ConfigError } from './config.errors';
import { assertProductionSecrets } from './production-secrets';

/** Environment variables that override a key of config/duban.yaml, and how to read them. */
const ENV_OVERRIDES: ReadonlyArray<{
  env: string;
  path: readonly string[];
  kind: 'string' | 'number' | 'boolean';
}> = [
  { env: 'DATABASE_URL', path: ['database', 'url'], kind: 'string' },
  { env: 'REDIS_URL', path: ['redis', 'url'], kind: 'string' },
  { env: 'REDIS_PREFIX', path: ['redis', 'prefix'], kind: 'string' },
  { env: 'SMTP_URL', path: ['smtp', 'url'], kind: 'string' },
  { env: 'TZ', path: ['timezone'], kind: 'string' },
  { env: 'PORT', path: ['api', 'port'], kind: 'number' },
  { env: 'API_DOCS', path: ['api', 'docs'], kind: 'boolean' },
  { env: 'TRUSTED_PROXIES', path: ['api', 'trustedProxies'], kind: 'number' },
  { env: 'SECURE_COOKIES', path: ['api', 'secureCookies'], kind: 'boolean' },
  { env: 'CONSOLE_DIR', path: ['api', 'consoleDir'], kind: 'string' },
  { env: 'JWT_SECRET', path: ['auth', 'jwtSecret'], kind: 'string' },
  { env: 'OUTBOX_RELAY_ENABLED', path: ['outbox', 'relayEnabled'], kind: 'boolean' },
  { env: 'LOG_LEVEL', path: ['log', 'level'], kind: 'string' },
  { env: 'LOG_JSON', path: ['log', 'json'], kind: 'boolean' },
];

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DUBAN_CONFIG_DIR ?? join(process.cwd(), 'config'));
}

/**
 * Reads config/duban.yaml, applies environment overrides and validates the result.
 * Throws ConfigError with one line naming the key, its source and what was expected.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): DubanConfig {
  const file = join(configDirectory(env), 'duban.yaml');
  if (!existsSync(file)) {
    throw new ConfigError(
      `Configuration file ${file} is missing (set DUBAN_CONFIG_DIR to the folder holding duban.yaml)`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Configuration file ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const tree = isRecord(raw) ? structuredClone(raw) : {};
  const sources = new Map<string, string>();
  for (const override of ENV_OVERRIDES) {
    const value = env[override.env];
    if (value === undefined || value === '') {
      continue;
    }
    setPath(tree, override.path, coerce(value, override.kind));
    sources.set(override.path.join('.'), `env ${override.env}`);
  }
  // TZ is how the platform names the zone; only a real zone name there counts as an override.
  if (!env.TZ && getPath(tree, ['timezone']) === undefined) {
    setPath(tree, ['timezone'], DEFAULT_TIMEZONE);
  }
  const config = validateConfig(tree, (key) => sources.get(key) ?? file);
  assertProductionSecrets(config, env);
  return config;
}

export function validateConfig(
  tree: unknown,
  sourceOf: (key: string) => string = () => 'config',
): DubanConfig {
  const result = configSchema.safeParse(tree);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const key = issue.path.join('.') || '(root)';
  const got = describeValue(getPath(tree, issue.path.map(String)));
  throw new ConfigError(
    `Invalid configuration ${key} (${sourceOf(key)}): ${explain(issue)}, got ${got}`,
  );
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key(s) ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}`;
  }
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = typeof value === 'string' ? JSON.stringify(redactUrl(value)) : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Hides a password in a connection URL so it never reaches a log line. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) {
      url.password = '***';
      return url.toString();
    }
  } catch {
    // not a URL: nothing to hide
  }
  return value;
}

function coerce(value: string, kind: 'string' | 'number' | 'boolean'): unknown {
  switch (kind) {
    case 'string':
      return value;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' || value === '1'
        ? true
        : value === 'false' || value === '0'
          ? false
          : value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getPath(tree: unknown, path: readonly string[]): unknown {
  let node: unknown = tree;
  for (const key of path) {
    if (!isRecord(node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

function setPath(tree: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) {
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
