/**
 * One run's whole system: its PostgreSQL cluster, Redis, SMTP server, configuration folder and
 * the four service processes. `stop()` ends everything it started, and is safe to call twice.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type SmtpSink } from '@duban/testing';
import { PostgresCluster, RedisServer, startSmtp } from './cluster';
import { Http } from './http';
import { SERVICES, type ServiceName, ServiceProcess, writeConfigDir } from './services';
import type { SimClock } from './sim-clock';
import { API_PREFIX } from '../../apps/api/src/common/api-prefix';

export interface System {
  dir: string;
  logDir: string;
  configDir: string;
  pg: PostgresCluster;
  redis: RedisServer;
  smtp: SmtpSink;
  databaseUrl: string;
  apiUrl: string;
  http: Http;
  jwtSecret: string;
  services: Record<ServiceName, ServiceProcess>;
  stop(): Promise<void>;
  /** For a process exit handler: kills what can be killed synchronously. */
  killNow(): void;
}

export async function startSystem(clock: SimClock, keepLogs: string | null): Promise<System> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-reliability-'));
  const logDir = keepLogs ?? join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const configDir = join(dir, 'config');
  const stops: Array<() => Promise<void>> = [];
  const sync: Array<() => void> = [];
  let stopping: Promise<void> | null = null;
  let stopped = false;
  // One stop however many callers ask (Ctrl-C while a failure is being handled).
  const stop = () =>
    (stopping ??= (async () => {
      for (const step of stops.reverse()) {
        await step().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
      }
      rmSync(dir, { recursive: true, force: true });
      stopped = true;
    })());
  try {
    const pg = await PostgresCluster.create();
    stops.push(() => pg.destroy());
    sync.push(() => pg.destroySync());
    await pg.start();
    const databaseUrl = await pg.createDatabase('duban_reliability');
    const redis = await RedisServer.start();
    stops.push(() => redis.stop());
    sync.push(() => redis.killNow());
    const smtp = await startSmtp();
    stops.push(() => smtp.stop());
    const apiPort = await freePort();
    const jwtSecret = randomBytes(32).toString('hex');
    writeConfigDir(configDir, {
      databaseUrl,
      redisUrl: redis.url,
      smtpUrl: smtp.url,
      apiPort,
      jwtSecret,
    });
    const env = { configDir, logDir, extra: clock.env() };
    const services = Object.fromEntries(
      SERVICES.map((name) => [name, new ServiceProcess(name, env)]),
    ) as Record<ServiceName, ServiceProcess>;
    stops.push(async () => {
      await Promise.all(SERVICES.map((name) => services[name].close()));
    });
    sync.push(() => SERVICES.forEach((name) => services[name].killNow()));

    // One at a time: four compilations at once on two cores take longer than in turn.
    for (const name of SERVICES) {
      await services[name].start();
    }
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    return {
      dir,
      logDir,
      configDir,
      pg,
      redis,
      smtp,
      databaseUrl,
      apiUrl,
      http: new Http(apiUrl + API_PREFIX),
      jwtSecret,
      services,
      stop,
      killNow: () => {
        if (!stopped) {
          stopped = true;
          [...sync].reverse().forEach((kill) => kill());
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
