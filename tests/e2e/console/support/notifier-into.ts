import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DubanConfig } from '@duban/config';
import type { SmtpSink } from '@duban/testing';
import { NotifierModule } from '../../../../apps/notifier/src/notifier.module';

/**
 * The notifier as deployed beside the api (its database and Redis prefix), sending into an
 * in-process SMTP server, with links in its mails pointing at `baseUrl`.
 */
export function startNotifierInto(
  apiConfig: DubanConfig,
  sink: SmtpSink,
  baseUrl: string,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    NotifierModule.forRoot({
      ...apiConfig,
      smtp: { ...apiConfig.smtp, url: sink.url, connectionTimeoutMs: 2000 },
      mail: { baseUrl },
    }),
    { logger: ['error'] },
  );
}
