import { z } from 'zod';
import { type Clock, SimulatedClock, systemClock } from './clock';

/** The clock settings in the environment are unusable; the message names the variable. */
export class ClockConfigError extends Error {
  override readonly name = 'ClockConfigError';
}

const instant = z.iso.datetime({ offset: true });
const envSchema = z
  .object({
    DUBAN_CLOCK_START: instant.optional(),
    DUBAN_CLOCK_ANCHOR: z.coerce.number().int().positive().optional(),
    DUBAN_CLOCK_SPEED: z.coerce.number().positive().max(10_000_000).optional(),
  })
  .refine((env) => env.DUBAN_CLOCK_START !== undefined || env.DUBAN_CLOCK_SPEED === undefined, {
    message: 'DUBAN_CLOCK_SPEED needs DUBAN_CLOCK_START',
    path: ['DUBAN_CLOCK_SPEED'],
  });

/**
 * The clock the environment asks for. Unset: the real clock. `DUBAN_CLOCK_START` (an ISO
 * instant with offset) is the simulated time at the real instant `DUBAN_CLOCK_ANCHOR` (epoch
 * milliseconds; default: now, which suits a single process — processes meant to agree must be
 * given the same anchor), running `DUBAN_CLOCK_SPEED` times real speed (default 1).
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'DUBAN_CLOCK_START');
    const value = env[variable];
    throw new ClockConfigError(
      `Invalid clock setting ${variable}${value === undefined ? '' : `="${value}"`}: ${clockHint(variable, issue.message)}`,
    );
  }
  const {
    DUBAN_CLOCK_START: start,
    DUBAN_CLOCK_ANCHOR: anchor,
    DUBAN_CLOCK_SPEED: speed,
  } = parsed.data;
  if (start === undefined) {
    return systemClock;
  }
  return new SimulatedClock(new Date(start), anchor ?? Date.now(), speed ?? 1);
}

function clockHint(variable: string, message: string): string {
  switch (variable) {
    case 'DUBAN_CLOCK_START':
      return 'expected an ISO instant with offset such as 2026-01-05T08:00:00+08:00';
    case 'DUBAN_CLOCK_ANCHOR':
      return 'expected epoch milliseconds (a positive integer)';
    default:
      return message.startsWith('DUBAN_') ? message : 'expected a positive number';
  }
}

let processClock: Clock | undefined;

/** The clock of this process, read from the environment once. */
export function currentClock(): Clock {
  processClock ??= clockFromEnv();
  return processClock;
}
