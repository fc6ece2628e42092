import { makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

/** Malformed requests the reliability suite found answered 500: each is the caller's error. */
describe('malformed requests are 400, and write nothing', () => {
  let api: ApiHarness;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    const office = await makeUser(api.db.dataSource, 'supervisor');
    token = await api.tokenFor(office.username);
  });
  afterAll(() => api.close());

  const written = () =>
    Promise.all(['plan_imports', 'audit_log', 'outbox'].map((t) => api.count(t)));

  it('refuses a body nested thousands of levels deep instead of overflowing the stack', async () => {
    const before = await written();
    for (const depth of [33, 5_000, 50_000]) {
      const response = await api
        .http()
        .post('/api/v1/plan-imports')
        .set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/json')
        .send(`{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`)
        .expect(400);
      expect((response.body as { message: string }).message).toMatch(/deeper than 32 levels/);
    }
    // The API's own bodies nest a few levels and still pass the limit.
    await api
      .http()
      .post('/api/v1/plan-imports')
      .set('authorization', `Bearer ${token}`)
      .send({ text: 42 })
      .expect(400);
    expect(await written()).toEqual(before);
  });

  it('answers an upload form cut short with 400', async () => {
    const before = await written();
    const response = await api
      .http()
      .post('/api/v1/plan-imports/upload')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n一、任务')
      .expect(400);
    expect((response.body as { message: string }).message).toMatch(/not readable multipart/);
    expect(await written()).toEqual(before);
  });

  it('answers a NUL character in a filter with 400', async () => {
    for (const path of ['/api/v1/tasks?q=%00', '/api/v1/departments?q=a%00b']) {
      const response = await api.http().get(path).set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toMatch(/NUL/);
    }
  });

  it('answers a file over 5 MB with 413 and never parses it cut at the limit', async () => {
    // Served over a socket and sent by fetch: the form arrives in chunks, and a file whose last
    // chunk reached the limit came back truncated (a 422 for a character cut in two, or a draft).
    await api.app.listen(0, '127.0.0.1');
    const url = await api.app.getUrl();
    const before = await written();
    const line = '推进重点工作'.repeat(Math.floor((5 * 1024 * 1024 + 1024) / 18));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const form = new FormData();
      form.append('file', new Blob([line]), 'line.txt');
      const response = await fetch(`${url}/api/v1/plan-imports/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(8).fill(413));
    expect(await written()).toEqual(before);
  });
});
