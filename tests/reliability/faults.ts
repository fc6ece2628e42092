/**
 * The fault schedule: in turn, SIGKILL each service and start it again, restart PostgreSQL
 * (an immediate stop: a crash, then WAL replay), FLUSHALL Redis, take the SMTP server down for
 * 30 s. Each fault records the window in which its effects are allowed to show (a refused
 * connection while the API is down, a 503 while PostgreSQL is).
 */
import { SERVICES, type ServiceName } from './services';
import type { System } from './system';

export type FaultKind = 'kill' | 'postgres-restart' | 'redis-flush' | 'smtp-outage';

export interface FaultWindow {
  kind: FaultKind;
  target: string;
  /** Real epoch ms: the fault began, and the system was whole again. */
  start: number;
  end: number;
  /** Extra facts for the report (e.g. mails held at a notifier kill). */
  note?: string;
}

export interface FaultStep {
  /** Offset from the start of the load, ms. */
  at: number;
  kind: FaultKind;
  target: string;
}

const POSTGRES_DOWN_MS = 5_000;
export const SMTP_OUTAGE_MS = 30_000;

/**
 * One round of every fault over `roundMs` from `offset`: the first tenth is left alone (clients
 * arriving and signing in), the SMTP outage starts in the last third.
 */
function round(offset: number, roundMs: number, services: readonly ServiceName[]): FaultStep[] {
  const slot = (roundMs * 0.6) / 6;
  offset += roundMs * 0.1;
  return [
    ...services.map((name, i) => ({
      at: offset + slot * i,
      kind: 'kill' as const,
      target: name,
    })),
    { at: offset + slot * 4, kind: 'postgres-restart', target: 'postgres' },
    { at: offset + slot * 5, kind: 'redis-flush', target: 'redis' },
    { at: offset + slot * 5.5, kind: 'smtp-outage', target: 'smtp' },
  ];
}

/**
 * `rounds` rounds over `loadMs`; the SMTP outage of the last round ends before the load does,
 * so the mail it held is delivered while the checks wait.
 */
export function faultSchedule(loadMs: number, rounds: number): FaultStep[] {
  const roundMs = loadMs / rounds;
  const steps: FaultStep[] = [];
  for (let r = 0; r < rounds; r++) {
    // Vary which service dies first from one round to the next.
    const order = [
      ...SERVICES.slice(r % SERVICES.length),
      ...SERVICES.slice(0, r % SERVICES.length),
    ];
    steps.push(...round(r * roundMs, roundMs, order));
  }
  return steps;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inject(step: FaultStep, system: System): Promise<FaultWindow> {
  const start = Date.now();
  const window = (note?: string): FaultWindow => ({
    kind: step.kind,
    target: step.target,
    start,
    end: Date.now(),
    note,
  });
  switch (step.kind) {
    case 'kill': {
      const service = system.services[step.target as ServiceName];
      const sending = step.target === 'notifier' ? system.smtp.openConnections() : undefined;
      await service.kill();
      await service.start();
      return window(
        sending === undefined ? undefined : `${sending} SMTP sessions open at the kill`,
      );
    }
    case 'postgres-restart': {
      await system.pg.stop('immediate');
      await sleep(POSTGRES_DOWN_MS);
      await system.pg.start();
      return window();
    }
    case 'redis-flush': {
      await system.redis.flushAll();
      return window();
    }
    case 'smtp-outage': {
      await system.smtp.stop();
      await sleep(SMTP_OUTAGE_MS);
      await system.smtp.listen();
      return window();
    }
  }
}

/** Runs the schedule from `loadStart`; a step due while the previous one still runs waits for it. */
export async function runFaults(
  steps: readonly FaultStep[],
  system: System,
  loadStart: number,
  log: (line: string) => void,
): Promise<FaultWindow[]> {
  const windows: FaultWindow[] = [];
  for (const step of steps) {
    const wait = loadStart + step.at - Date.now();
    if (wait > 0) {
      await sleep(wait);
    }
    log(`fault: ${step.kind} ${step.target}`);
    const window = await inject(step, system);
    log(
      `fault: ${step.kind} ${step.target} over after ${((window.end - window.start) / 1000).toFixed(1)} s`,
    );
    windows.push(window);
  }
  return windows;
}
