import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart from '@fastify/multipart';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { DubanConfig } from '@duban/config';
import { ApiModule } from './api.module';
import { DatabaseErrorsFilter } from './common/database-errors.filter';
import { createValidationPipe } from './common/validation.pipe';

/** Builds the HTTP application; main.ts listens on it, e2e tests drive it with supertest. */
export async function createApiApp(
  config: DubanConfig,
  logger?: LoggerService,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: config.api.bodyLimitBytes }),
    { logger: logger ?? false, abortOnError: false },
  );
  await app.register(multipart, {
    limits: { fileSize: config.api.bodyLimitBytes, files: 1, fields: 5 },
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DatabaseErrorsFilter(app.getHttpAdapter()));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duban API')
      .setDescription('Task supervision (督办) and performance assessment for supervising offices')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
