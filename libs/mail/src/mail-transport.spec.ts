import { smtpPoolOptions } from './mail-transport';

const smtp = {
  url: 'smtp://127.0.0.1:1025',
  from: '督查室 <duban@localhost>',
  maxConnections: 5,
  ratePerSecond: 20,
  connectionTimeoutMs: 10_000,
};

describe('smtpPoolOptions', () => {
  it('builds one pooled transport with the configured limits and timeouts', () => {
    expect(smtpPoolOptions(smtp)).toMatchObject({
      pool: true,
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      requireTLS: false,
      auth: undefined,
      maxConnections: 5,
      rateDelta: 1000,
      rateLimit: 20,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('reads implicit TLS, the default port and credentials from the URL', () => {
    expect(
      smtpPoolOptions({ ...smtp, url: 'smtps://duban%40gov:p%40ss@mail.example.gov.cn' }),
    ).toMatchObject({
      host: 'mail.example.gov.cn',
      port: 465,
      secure: true,
      auth: { user: 'duban@gov', pass: 'p@ss' },
    });
  });

  it('requires STARTTLS when credentials travel over smtp://, unless told otherwise', () => {
    const withCredentials = { ...smtp, url: 'smtp://duban:secret@mail.example.gov.cn:587' };
    expect(smtpPoolOptions(withCredentials)).toMatchObject({ secure: false, requireTLS: true });
    expect(smtpPoolOptions({ ...withCredentials, requireTLS: false })).toMatchObject({
      requireTLS: false,
    });
    expect(smtpPoolOptions({ ...smtp, requireTLS: true })).toMatchObject({ requireTLS: true });
  });
});
