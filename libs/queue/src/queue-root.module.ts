import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DubanConfig } from '@duban/config';
import { bullConnectionFromUrl } from './redis-options';

/** The BullMQ connection every Duban process shares: the configured Redis and key prefix. */
@Module({})
export class QueueRootModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueRootModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<DubanConfig, true>) => ({
            connection: bullConnectionFromUrl(config.get('redis', { infer: true }).url),
            prefix: config.get('redis', { infer: true }).prefix,
          }),
        }),
      ],
      exports: [BullModule],
    };
  }
}
