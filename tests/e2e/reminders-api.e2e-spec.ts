import { randomUUID } from 'node:crypto';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

interface ReminderBody {
  id: string;
  state: string;
  departmentName: string;
  deliveryState: string | null;
  lastError: string | null;
}

describe('reminders and mail deliveries in the API', () => {
  let api: ApiHarness;
  let office: string;
  let department: string;
  let ids: {
    failedReminder: string;
    scheduledReminder: string;
    otherReminder: string;
    delivery: string;
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    const own = await makeDepartment(ds, { name: '市科技局' });
    const other = await makeDepartment(ds, { name: '市财政局' });
    office = await api.tokenFor((await makeUser(ds, 'supervisor')).username);
    department = await api.tokenFor((await makeUser(ds, 'department', own.id)).username);
    const [plan] = await ds.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '', repeat('b', 64)) RETURNING id`,
    );
    const [task] = await ds.query<{ id: string }[]>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline) VALUES ($1, '一', 1, '建设孵化器', '2026-12-31') RETURNING id`,
      [plan.id],
    );
    const reminder = async (departmentId: string, kind: string, state: string) => {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO reminders (task_id, department_id, kind, fire_at, state) VALUES ($1, $2, $3, now(), $4) RETURNING id`,
        [task.id, departmentId, kind, state],
      );
      return row.id;
    };
    const failedReminder = await reminder(own.id, 'notice_orange', 'failed');
    const scheduledReminder = await reminder(own.id, 'pre_deadline', 'scheduled');
    const otherReminder = await reminder(other.id, 'pre_deadline', 'scheduled');
    const [delivery] = await ds.query<{ id: string }[]>(
      `INSERT INTO mail_deliveries (message_id, department_id, reminder_ids, recipients, subject, text_body, html_body, state, attempts, last_error)
       VALUES ('<t@duban>', $1, ARRAY[$2]::uuid[], ARRAY['kjj@duban.example'], '督办', 't', '<p>t</p>', 'failed', 1, '550 mailbox unavailable') RETURNING id`,
      [own.id, failedReminder],
    );
    ids = { failedReminder, scheduledReminder, otherReminder, delivery: delivery.id };
  });
  afterAll(() => api.close());

  it('shows the office every reminder with its latest mail, and a department only its own', async () => {
    const all = (await api.http().get('/api/v1/reminders').set(bearer(office)).expect(200))
      .body as ReminderBody[];
    expect(all.map((r) => r.id).sort()).toEqual(
      [ids.failedReminder, ids.scheduledReminder, ids.otherReminder].sort(),
    );
    expect(all.find((r) => r.id === ids.failedReminder)).toMatchObject({
      state: 'failed',
      deliveryState: 'failed',
      lastError: '550 mailbox unavailable',
    });
    const own = (await api.http().get('/api/v1/reminders').set(bearer(department)).expect(200))
      .body as ReminderBody[];
    expect(own.map((r) => r.departmentName)).toEqual(['市科技局', '市科技局']);
  });

  it('resends a failed mail once; a second resend, an unknown id and a department user are refused', async () => {
    await api
      .http()
      .post(`/api/v1/reminders/${ids.scheduledReminder}/resend`)
      .set(bearer(office))
      .expect(409);
    await api
      .http()
      .post(`/api/v1/mail-deliveries/${randomUUID()}/resend`)
      .set(bearer(office))
      .expect(404);
    await api
      .http()
      .post(`/api/v1/mail-deliveries/${ids.delivery}/resend`)
      .set(bearer(department))
      .expect(403);
    const resent = await api
      .http()
      .post(`/api/v1/mail-deliveries/${ids.delivery}/resend`)
      .set(bearer(office))
      .expect(200);
    expect(resent.body).toMatchObject({ id: ids.delivery, state: 'pending' });
    await api
      .http()
      .post(`/api/v1/mail-deliveries/${ids.delivery}/resend`)
      .set(bearer(office))
      .expect(409);
    const log = (
      await api
        .http()
        .get('/api/v1/mail-deliveries')
        .query({ state: 'pending' })
        .set(bearer(office))
        .expect(200)
    ).body as { id: string }[];
    expect(log.map((d) => d.id)).toEqual([ids.delivery]);
  });
});
