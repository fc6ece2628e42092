import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type ApiHarness, startApi } from '../support/api-harness';

/**
 * The API with a one-second request timeout and docs off (as in production): a client that
 * trickles its body is cut off, and the OpenAPI pages are not there.
 */
describe('security: connection timeouts and docs off', () => {
  let api: ApiHarness;
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    api = await startApi((config) => ({
      ...config,
      api: { ...config.api, requestTimeoutMs: 1_000, headersTimeoutMs: 1_000, docs: false },
    }));
    app = api.app;
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => api.close());

  it('cuts off a client that sends its body a byte at a time after the request timeout', async () => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const started = Date.now();
    const trickle = setInterval(() => {
      if (!socket.destroyed) {
        socket.write(' ');
      }
    }, 100);
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    // One second of timeout, checked every second: closed within about two, far from 150 s.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(10_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers /docs and /docs-json 404 when api.docs is off', async () => {
    await request(app.getHttpServer()).get('/api/docs').expect(404);
    await request(app.getHttpServer()).get('/api/docs-json').expect(404);
  });
});
