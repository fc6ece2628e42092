import type { EventHandlers } from '@duban/outbox';

/**
 * How the scheduler reacts to each event. The reminder schedule (issue: deadline reminders)
 * fills this in; until then events are acknowledged and recorded as processed.
 */
export const SCHEDULER_EVENT_HANDLERS: EventHandlers = {};
