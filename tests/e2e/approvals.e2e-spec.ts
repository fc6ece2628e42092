import { Clock } from '../../apps/api/src/common/clock';
import { makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';
import { declareCompletion, makeLedTask, requestExtension } from './support/pending-approvals';

interface Approvals {
  asOf: string;
  counts: { completion: number; extension: number };
  items: Array<{
    kind: string;
    id: string;
    task: { id: string; number: string; title: string };
    department: { id: string; name: string };
    submittedAt: string;
    ageDays: number;
    evidence: string | null;
    extension: { requestedDeadline: string; reason: string } | null;
  }>;
}

describe('GET /approvals: the office queue of completions and extension requests', () => {
  let api: ApiHarness;
  let office: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const { dataSource } = api.db;
    office = await api.tokenFor((await makeUser(dataSource, 'supervisor')).username);
    // Today in Beijing is 2026-11-22 (10:00); the queue was filled over the week before.
    jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date('2026-11-22T10:00:00+08:00'));
    const bridge = await makeLedTask(dataSource, '建设跨江大桥');
    const school = await makeLedTask(dataSource, '新建第三中学');
    const park = await makeLedTask(dataSource, '改造滨江公园');
    // 23:30 on the 19th in Beijing is still the 19th there (15:30 UTC): three days old.
    ids.bridge = await declareCompletion(dataSource, bridge, new Date('2026-11-19T23:30:00+08:00'));
    // 00:30 on the 17th in Beijing is the 16th in UTC: five days old, the oldest.
    ids.school = await requestExtension(dataSource, school, new Date('2026-11-17T00:30:00+08:00'));
    ids.park = await declareCompletion(dataSource, park, new Date('2026-11-22T08:00:00+08:00'));
  });
  afterAll(() => api.close());

  it('refuses a department and a leader, and anyone signed out', async () => {
    const { departmentId } = await makeLedTask(api.db.dataSource, '一项别的任务');
    const department = await api.tokenFor(
      (await makeUser(api.db.dataSource, 'department', departmentId)).username,
    );
    const leader = await api.tokenFor((await makeUser(api.db.dataSource, 'leader')).username);
    await api.http().get('/api/v1/approvals').set(bearer(department)).expect(403);
    await api.http().get('/api/v1/approvals').set(bearer(leader)).expect(403);
    await api.http().get('/api/v1/approvals').expect(401);
  });

  it('lists both kinds oldest first with their age in Beijing days', async () => {
    const approvals = (await api.http().get('/api/v1/approvals').set(bearer(office)).expect(200))
      .body as Approvals;
    expect(approvals.asOf).toBe('2026-11-22');
    expect(approvals.counts).toEqual({ completion: 2, extension: 1 });
    expect(approvals.items.map((item) => [item.id, item.kind, item.ageDays])).toEqual([
      [ids.school, 'extension', 5],
      [ids.bridge, 'completion', 3],
      [ids.park, 'completion', 0],
    ]);
    const [school, bridge] = approvals.items;
    expect(school.task).toMatchObject({ number: '一.1', title: '新建第三中学' });
    expect(school.extension).toMatchObject({ requestedDeadline: '2027-03-31' });
    expect(school.evidence).toBeNull();
    expect(bridge.evidence).toBe('已按期完成，验收报告见附件。');
    expect(bridge.extension).toBeNull();
    expect(bridge.department.name).toMatch(/^市测试局/);
  });

  it('filters by kind and limits the page, keeping the counts of everything pending', async () => {
    const completions = (
      await api
        .http()
        .get('/api/v1/approvals')
        .query({ kind: 'completion', limit: 1 })
        .set(bearer(office))
        .expect(200)
    ).body as Approvals;
    expect(completions.items.map((item) => item.id)).toEqual([ids.bridge]);
    expect(completions.counts).toEqual({ completion: 2, extension: 1 });
    await api
      .http()
      .get('/api/v1/approvals')
      .query({ kind: 'leave' })
      .set(bearer(office))
      .expect(400);
  });

  it('drops a decided completion from the queue', async () => {
    const park = (
      (await api.http().get('/api/v1/approvals').set(bearer(office)).expect(200)).body as Approvals
    ).items[2];
    await api
      .http()
      .post(`/api/v1/tasks/${park.task.id}/completion/approve`)
      .set(bearer(office))
      .send({ rating: 'good' })
      .expect(200);
    const after = (await api.http().get('/api/v1/approvals').set(bearer(office)).expect(200))
      .body as Approvals;
    expect(after.items.map((item) => item.id)).toEqual([ids.school, ids.bridge]);
    expect(after.counts.completion).toBe(1);
  });
});
