import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DubanConfig } from '@duban/config';
import { dataSourceOptions } from './data-source';

/** The TypeORM connection of one service, from the validated configuration. */
@Module({})
export class DatabaseModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<DubanConfig, true>) => {
            const database = config.get('database', { infer: true });
            return dataSourceOptions({
              url: database.url,
              poolSize: database.poolSize,
              applicationName: `duban-${service}`,
            });
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
