import { BullModule, InjectQueue } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { OutboxRelay } from './outbox-relay';

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly relay: OutboxRelay;
  private readonly enabled: boolean;

  constructor(
    dataSource: DataSource,
    config: ConfigService<DubanConfig, true>,
    @InjectQueue(QueueName.SchedulerEvents) schedulerEvents: Queue,
    @InjectQueue(QueueName.AssessmentEvents) assessmentEvents: Queue,
  ) {
    const outbox = config.get('outbox', { infer: true });
    this.enabled = outbox.relayEnabled;
    this.relay = new OutboxRelay(
      dataSource,
      { scheduler: schedulerEvents, assessment: assessmentEvents },
      {
        batchSize: outbox.batchSize,
        pollIntervalMs: outbox.pollIntervalMs,
        databaseUrl: config.get('database', { infer: true }).url,
      },
      this.logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) {
      await this.relay.start();
      this.logger.log('outbox relay started');
    }
  }

  /** Before the queues and the pool close: stop claiming and let the batch in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.enabled) {
      await this.relay.stop();
      this.logger.log('outbox relay stopped');
    }
  }
}

/** Runs an outbox relay in this process (several processes may each run one). */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.SchedulerEvents },
      { name: QueueName.AssessmentEvents },
    ),
  ],
  providers: [OutboxRelayService],
  exports: [OutboxRelayService],
})
export class OutboxRelayModule {}
