import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runService, StartupError } from '@duban/bootstrap';
import { configDirectory } from '@duban/config';
import { loadReminderPolicy, ReminderPolicyError } from '@duban/reminders';
import { SchedulerModule } from './scheduler.module';

// A worker: no HTTP, only its queues (shutdown hooks close them and let running jobs finish).
void runService('scheduler', async (config, logger) => {
  const policy = await loadReminderPolicy(configDirectory()).catch((error: unknown) => {
    throw error instanceof ReminderPolicyError ? new StartupError(error.message) : error;
  });
  return NestFactory.createApplicationContext(SchedulerModule.forRoot(config, { policy }), {
    logger,
    abortOnError: false,
  });
});
