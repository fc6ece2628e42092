import { createServer, type RequestListener } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { SwaggerModule } from '@nestjs/swagger';
import type { DubanConfig } from '@duban/config';
import { ApiModule } from './api.module';
import { registerConsoleSite } from './console/console-site';
import { API_PREFIX, DOCS_PATH } from './common/api-prefix';
import { registerBodyLimits } from './common/body-limits';
import { buildOpenApiDocument } from './common/openapi';
import { DatabaseErrorsFilter } from './common/database-errors.filter';
import { registerSecurityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';

/**
 * The Node server with every timeout set, so no client can hold a connection open by sending
 * slowly: headers must arrive within headersTimeoutMs, the whole request within requestTimeoutMs
 * (both answered 408 and closed), an idle kept-alive socket closes after keepAliveTimeoutMs and
 * any silent socket after connectionTimeoutMs. The expiry check runs at least every second so a
 * short timeout is enforced promptly (Node's default checks every 30 s).
 */
function serverWithTimeouts(api: DubanConfig['api']) {
  const requestTimeout = api.requestTimeoutMs;
  return (handler: RequestListener) => {
    const server = createServer(
      {
        requestTimeout,
        headersTimeout: Math.min(api.headersTimeoutMs, requestTimeout),
        keepAliveTimeout: api.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(1000, requestTimeout),
      },
      handler,
    );
    server.setTimeout(api.connectionTimeoutMs);
    return server;
  };
}

/** Builds the HTTP application; main.ts listens on it, e2e tests drive it with supertest. */
export async function createApiApp(
  config: DubanConfig,
  logger?: LoggerService,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: config.api.jsonBodyLimitBytes,
      // Trust exactly the configured number of proxy hops (hop 0 is the socket's peer).
      trustProxy:
        config.api.trustedProxies > 0
          ? (_address: string, hop: number) => hop < config.api.trustedProxies
          : false,
      serverFactory: serverWithTimeouts(config.api),
    }),
    { logger: logger ?? false, abortOnError: false },
  );
  // Before any route is registered: the hook gives each route its own body limit.
  registerBodyLimits(app.getHttpAdapter().getInstance(), config.api);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.api.bodyLimitBytes, files: 1, fields: 5 },
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DatabaseErrorsFilter(app.getHttpAdapter()));
  if (config.api.docs) {
    SwaggerModule.setup(DOCS_PATH.slice(1), app, buildOpenApiDocument(app), {
      useGlobalPrefix: false,
    });
  }
  await registerConsoleSite(app, config.api);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
