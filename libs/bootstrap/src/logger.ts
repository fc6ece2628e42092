import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { DubanConfig } from '@duban/config';

const LEVELS: Record<DubanConfig['log']['level'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** Structured JSON lines (one object per line, with the service name) or readable text for development. */
export function createLogger(service: string, log: DubanConfig['log']): ConsoleLogger {
  return new ConsoleLogger(`duban-${service}`, {
    json: log.json,
    colors: !log.json && process.stdout.isTTY,
    logLevels: LEVELS[log.level],
    prefix: `duban-${service}`,
  });
}
