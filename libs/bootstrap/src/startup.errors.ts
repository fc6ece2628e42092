/** A reason the process cannot start, told in one line with what to do about it. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
