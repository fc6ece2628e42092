import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runService } from '@duban/bootstrap';
import { NotifierModule } from './notifier.module';

// A worker: no HTTP, only its queues (shutdown hooks close them and let running jobs finish).
void runService('notifier', (config, logger) =>
  NestFactory.createApplicationContext(NotifierModule.forRoot(config), {
    logger,
    abortOnError: false,
  }),
);
