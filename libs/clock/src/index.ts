export { type Clock, realMsOf, realMsUntil, SimulatedClock, systemClock } from './clock';
export { ClockConfigError, clockFromEnv, currentClock } from './clock.env';
