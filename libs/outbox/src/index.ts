export * from './record-change';
export * from './outbox-wakeup';
export * from './outbox-relay';
export * from './event-inbox';
export * from './apply-event';
export * from './outbox-relay.module';
export * from './domain-event.processor';
