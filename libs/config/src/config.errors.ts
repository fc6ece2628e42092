/** Raised when configuration is missing or invalid; the message is one line a person can act on. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
