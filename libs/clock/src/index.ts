export {
  type Clock,
  realMsOf,
  realMsUntil,
  SimulatedClock,
  STANDING_CLOCK_POLL_MS,
  systemClock,
} from './clock';
export {
  type ClockState,
  followClockState,
  parseClockState,
  publishClockState,
  SharedClock,
} from './shared-clock';
export { ClockConfigError, clockFromEnv, currentClock } from './clock.env';
