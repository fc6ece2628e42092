import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runService } from '@duban/bootstrap';
import { AssessmentModule } from './assessment.module';

// A worker: no HTTP, only its queues (shutdown hooks close them and let running jobs finish).
void runService('assessment', (config, logger) =>
  NestFactory.createApplicationContext(AssessmentModule.forRoot(config), {
    logger,
    abortOnError: false,
  }),
);
