import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { ClockConfigError, currentClock, systemClock } from '@duban/clock';
import { ConfigError, type DubanConfig, loadConfig } from '@duban/config';
import { createLogger } from './logger';
import { preflight } from './preflight';
import { StartupError } from './startup.errors';

/**
 * Starts one Duban service: configuration, preflight, then the Nest application. Anything that
 * keeps it from starting ends the process with one line on stderr and exit code 1; SIGTERM and
 * SIGINT run Nest's shutdown hooks (workers finish their jobs, the relay stops claiming).
 */
export async function runService(
  service: string,
  start: (config: DubanConfig, logger: LoggerService) => Promise<INestApplicationContext>,
): Promise<void> {
  try {
    const config = loadConfig();
    process.env.TZ = config.timezone;
    const clock = currentClock();
    await preflight(config);
    const logger = createLogger(service, config.log);
    const app = await start(config, logger);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    logger.log(
      clock === systemClock
        ? `duban-${service} started`
        : `duban-${service} started on a simulated clock at ${clock.speed}× (now ${clock.now().toISOString()})`,
      'Bootstrap',
    );
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof ClockConfigError ||
      error instanceof StartupError
    ) {
      process.stderr.write(`duban-${service}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `duban-${service}: failed to start: ${(error as Error).stack ?? String(error)}\n`,
      );
    }
    process.exit(1);
  }
}
