import type { EventHandlers } from '@duban/outbox';

/**
 * How the assessment service reacts to each event. The yearly aggregates (issue: annual
 * assessment) fill this in; until then events are acknowledged and recorded as processed.
 */
export const ASSESSMENT_EVENT_HANDLERS: EventHandlers = {};
