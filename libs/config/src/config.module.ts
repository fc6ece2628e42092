import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { DubanConfig } from './config.schema';

/**
 * Makes the validated configuration available as ConfigService<DubanConfig, true>.
 * The config is loaded and validated before Nest boots (see @duban/bootstrap), so a bad value
 * stops the process with one line instead of a DI stack trace; tests pass their own config.
 */
@Module({})
export class DubanConfigModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: DubanConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          isGlobal: true,
          load: [() => config],
          cache: true,
        }),
      ],
      exports: [ConfigModule],
    };
  }
}
