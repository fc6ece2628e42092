/**
 * The API on NestJS's Express adapter instead of Fastify, for bench:api's adapter comparison only:
 * the same module, validation and error filter; no OpenAPI page and no multipart (plan upload),
 * which the measured routes do not use. Duban itself runs on Fastify (apps/api/src/main.ts).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { runService } from '@duban/bootstrap';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_PREFIX } from '../../apps/api/src/common/api-prefix';
import { DatabaseErrorsFilter } from '../../apps/api/src/common/database-errors.filter';
import { createValidationPipe } from '../../apps/api/src/common/validation.pipe';

void runService('api', async (config, logger) => {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config),
    new ExpressAdapter(),
    { logger, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DatabaseErrorsFilter(app.getHttpAdapter()));
  await app.listen(config.api.port, '0.0.0.0');
  return app;
});
