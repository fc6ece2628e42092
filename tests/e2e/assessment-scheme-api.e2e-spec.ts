import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

/** GET /assessments/:year/scheme: the year's scheme in force, as the console's what-if starts from. */
describe('assessment api: the scheme in force', () => {
  let api: ApiHarness;
  let leader: string;
  let department: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    const own = await makeDepartment(ds, { name: '市发展改革委' });
    leader = await api.tokenFor((await makeUser(ds, 'leader')).username);
    department = await api.tokenFor((await makeUser(ds, 'department', own.id)).username);
  }, 60_000);

  afterAll(() => api.close());

  it("answers config/assessment/2025.yaml's numbers to a leader", async () => {
    const response = await api
      .http()
      .get('/api/v1/assessments/2025/scheme')
      .set(auth(leader))
      .expect(200);
    expect(response.body).toEqual({
      source: expect.stringMatching(/config\/assessment\/2025\.yaml$/) as unknown,
      scheme: expect.objectContaining({
        year: 2025,
        method: 'points',
        points: expect.objectContaining({
          base: 80,
          cap: 100,
          floor: 0,
          onTime: { lead: 2, support: 1 },
          overdue: { lead: -5, support: -2.5 },
          quality: { appliesTo: ['lead'], ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 } },
        }) as unknown,
      }) as unknown,
    });
  });

  it('refuses a department, and names the year that has no scheme', async () => {
    await api.http().get('/api/v1/assessments/2025/scheme').set(auth(department)).expect(403);
    const missing = await api
      .http()
      .get('/api/v1/assessments/2031/scheme')
      .set(auth(leader))
      .expect(422);
    expect(missing.body).toMatchObject({ fields: [{ field: 'year' }] });
  });
});
