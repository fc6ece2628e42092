import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runService } from '@duban/bootstrap';
import { SchedulerModule } from './scheduler.module';

// A worker: no HTTP, only its queues (shutdown hooks close them and let running jobs finish).
void runService('scheduler', (config, logger) =>
  NestFactory.createApplicationContext(SchedulerModule.forRoot(config), {
    logger,
    abortOnError: false,
  }),
);
