import { z } from 'zod';

const urlWithScheme = (schemes: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `expected a ${schemes.map((s) => `${s}://`).join(' or ')} URL` },
  );

const timezone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as Asia/Shanghai' },
);

export const configSchema = z.strictObject({
  database: z.strictObject({
    url: urlWithScheme(['postgres', 'postgresql']),
    poolSize: z.number().int().min(1).max(200),
  }),
  redis: z.strictObject({
    url: urlWithScheme(['redis', 'rediss']),
    prefix: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'expected letters, digits, - or _'),
  }),
  smtp: z.strictObject({
    url: urlWithScheme(['smtp', 'smtps']),
    from: z.string().min(3),
    maxConnections: z.number().int().min(1).max(100),
    ratePerSecond: z.number().int().min(1).max(10000),
    // Covers connecting and the server's greeting; a dead server fails a send within this time.
    connectionTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    // STARTTLS required before anything is sent over smtp://; default: when the URL has credentials.
    requireTLS: z.boolean().optional(),
  }),
  mail: z
    .strictObject({
      /** Where the links in mails point: the office's web front end. */
      baseUrl: urlWithScheme(['http', 'https']).default('http://localhost:3000'),
    })
    .prefault({}),
  timezone,
  api: z.strictObject({
    port: z.number().int().min(0).max(65535),
    bodyLimitBytes: z.number().int().min(1024),
    // Bodies of sign-in and of ordinary JSON writes are small: a few KB cap what an
    // unauthenticated or careless client can make the server parse (bodyLimitBytes stays for
    // uploads and plan texts).
    loginBodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .default(8 * 1024),
    jsonBodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .default(64 * 1024),
    // Whole request (headers and body) must arrive within this: a 5 MB upload on a slow link
    // takes seconds, not minutes; a client trickling bytes is cut off.
    requestTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
    // Headers are a few hundred bytes: a client that has not sent them in 10 s is stalling.
    headersTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
    // An idle kept-alive connection is closed after this; behind a proxy keep it above the
    // proxy's own idle timeout.
    keepAliveTimeoutMs: z.number().int().min(100).max(600_000).default(5_000),
    // A socket with no traffic at all for this long is destroyed (covers stalled responses too).
    connectionTimeoutMs: z.number().int().min(100).max(600_000).default(120_000),
    // OpenAPI at /docs and /docs-json: on in development, off (404) in production by default.
    docs: z.boolean().default(process.env.NODE_ENV !== 'production'),
    // Reverse proxies in front of the api (e.g. the TLS proxy of docker/): the client address,
    // which sign-in throttling counts by, is read from X-Forwarded-For through this many hops.
    // 0: the socket's address (a direct connection; a forged header is ignored).
    trustedProxies: z.number().int().min(0).max(10).default(0),
    // The console's session cookie is sent over HTTPS only: on unless development (plain http
    // on localhost), where a Secure cookie would never come back.
    secureCookies: z.boolean().default(process.env.NODE_ENV === 'production'),
    // The built console (npm run build writes it here), served at / beside the API.
    consoleDir: z.string().min(1).default('dist/web'),
  }),
  reporting: z.strictObject({
    /** Progress reports are due monthly by this day; a report for an earlier month is late. */
    dueDayOfMonth: z.number().int().min(1).max(28),
  }),
  auth: z.strictObject({
    jwtSecret: z.string().min(32, 'expected a secret of at least 32 characters'),
    tokenTtlSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
    /**
     * How long one API process reuses a user row it read for the guard (role, department,
     * active, session version). The process that changes a user drops its entry at once; other
     * API processes may act on the old row for at most this long. 0 reads every request.
     */
    userCacheMs: z.number().int().min(0).max(10_000).default(1000),
    /** Sign-in throttling: failures only are counted, in Redis, shared by every API process. */
    login: z
      .strictObject({
        /** Consecutive failures after which an account is locked (a success starts again). */
        accountMaxFailures: z.number().int().min(3).max(1000).default(10),
        /** How long a locked account stays locked, unless the office unlocks it. */
        accountLockSeconds: z.number().int().min(60).max(86_400).default(900),
        /** Failures from one client address, for any user names, within the window below. */
        addressMaxFailures: z.number().int().min(5).max(100_000).default(50),
        addressWindowSeconds: z.number().int().min(60).max(86_400).default(900),
      })
      .prefault({}),
  }),
  outbox: z.strictObject({
    pollIntervalMs: z.number().int().min(10).max(60000),
    batchSize: z.number().int().min(1).max(10000),
    relayEnabled: z.boolean(),
  }),
  /** Plan imports: limits far above real plans, so a hostile document is refused, not parsed. */
  imports: z
    .strictObject({
      /** Characters of plan text (posted, uploaded or read from a .docx); more is 413 unparsed. */
      maxTextChars: z.number().int().min(1000).default(500_000),
      /** Tasks in one draft; more is 422. */
      maxTasks: z.number().int().min(1).default(2_000),
      /** Characters of one task's title and body; more is 422 (the numbering was misread). */
      maxTaskChars: z.number().int().min(100).default(10_000),
      docx: z
        .strictObject({
          /** Entries of the .docx zip; Word writes a few dozen. */
          maxEntries: z.number().int().min(1).default(1_000),
          /** Unpacked bytes of its XML parts together, the ones the reader parses. */
          maxXmlBytes: z
            .number()
            .int()
            .min(1024)
            .default(4 * 1024 * 1024),
          /** Unpacked bytes of all its entries together (images included). */
          maxUnpackedBytes: z
            .number()
            .int()
            .min(1024)
            .default(100 * 1024 * 1024),
        })
        .prefault({}),
      /** Worker threads parsing documents off the event loop. */
      parseThreads: z.number().int().min(1).max(16).default(1),
    })
    .prefault({}),
  log: z.strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']),
    json: z.boolean(),
  }),
});

export type DubanConfig = z.infer<typeof configSchema>;
