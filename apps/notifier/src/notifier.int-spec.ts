import { simpleParser, type AddressObject } from 'mailparser';
import type { INestApplicationContext } from '@nestjs/common';
import { deliverMailJob, MailDeliveriesService } from '@duban/mail';
import { JobName, composeNoticesJobId } from '@duban/contracts';
import { pollUntil } from '@duban/testing';
import {
  createNotifierHarness,
  OFFICE_ADDRESS,
  type NotifierHarness,
} from '../test/notifier-harness';
import { DAY, seedDepartment, seedFiredNotices } from '../test/notice.factory';
import { MailDeliveryProcessor } from './deliver/mail-delivery.processor';

// jest's testTimeout is global (a project's own is ignored); hooks start databases and servers.
jest.setTimeout(60_000);

interface DeliveryRow {
  id: string;
  messageId: string;
  state: string;
  attempts: number;
  lastError: string | null;
  recipients: string[];
  cc: string[];
  reminderIds: string[];
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) =>
    a.value.map((v) => v.address ?? ''),
  );

describe('notifier: compose and deliver against a real SMTP server', () => {
  let h: NotifierHarness;
  let app: INestApplicationContext;

  beforeAll(async () => {
    h = await createNotifierHarness();
    // Short waits between attempts: these tests look at outcomes, not at the production policy.
    app = await h.start({ deliverRetry: { attempts: 3, backoff: { type: 'fixed', delay: 200 } } });
  });

  afterAll(async () => {
    await h.close();
  });

  const deliveriesOf = (departmentId: string) =>
    h.db.dataSource.query<DeliveryRow[]>(
      `SELECT id, message_id AS "messageId", state, attempts, last_error AS "lastError",
              recipients, cc, reminder_ids AS "reminderIds"
         FROM mail_deliveries WHERE department_id = $1 ORDER BY created_at`,
      [departmentId],
    );
  const reminderStates = async (ids: string[]) =>
    (
      await h.db.dataSource.query<Array<{ state: string }>>(
        `SELECT state FROM reminders WHERE id = ANY ($1::uuid[])`,
        [ids],
      )
    ).map((row) => row.state);
  const settled = (departmentId: string, state: string) =>
    pollUntil(
      async () => {
        const rows = await deliveriesOf(departmentId);
        return rows.length > 0 && rows.every((row) => row.state === state) ? rows : null;
      },
      { what: `deliveries of ${departmentId} ${state}` },
    );
  /** Waits until the mail and mail-delivery queues have nothing waiting, delayed or running. */
  const queueIdle = () =>
    pollUntil(
      async () => {
        const busy = ['wait', 'delayed', 'active', 'prioritized'] as const;
        const counts = await Promise.all(
          [h.queue, h.deliveryQueue].map((queue) => queue.getJobCounts(...busy)),
        );
        return counts.every((c) => Object.values(c).every((n) => n === 0));
      },
      { what: 'mail queues idle' },
    );

  it('mails one fired notice once, with subject, recipients, notice number and Message-ID', async () => {
    const departmentId = await seedDepartment(h.db.dataSource, {
      name: '市发展改革委',
      emails: ['fgw@example.gov.cn'],
    });
    const [notice] = await seedFiredNotices(h.db.dataSource, [
      {
        departmentId,
        kind: 'notice_orange',
        deadline: '2026-11-16',
        noticeNumber: '督办〔2026〕17号',
        title: '推进工业园区<提质>增效',
      },
    ]);

    await h.compose(departmentId, DAY);
    const [delivery] = await settled(departmentId, 'sent');

    expect(delivery.messageId).toMatch(/^<notices\.2026-11-19\..+@duban>$/);
    expect(delivery.attempts).toBe(1);
    expect(delivery.reminderIds).toEqual([notice.reminderId]);
    expect(await reminderStates([notice.reminderId])).toEqual(['sent']);
    const received = h.sink.byMessageId(delivery.messageId);
    expect(received).toHaveLength(1);
    expect(received[0].to.sort()).toEqual(['fgw@example.gov.cn', OFFICE_ADDRESS].sort());
    const mail = await simpleParser(received[0].raw);
    // 2026-11-16 (Mon) to 2026-11-19 (Thu): three working days overdue.
    expect(mail.subject).toBe(
      '【橙色预警】督办〔2026〕17号 推进工业园区<提质>增效（已逾期 3 个工作日）',
    );
    expect(addresses(mail.to)).toEqual(['fgw@example.gov.cn']);
    expect(addresses(mail.cc)).toEqual([OFFICE_ADDRESS]);
    expect(mail.messageId).toBe(delivery.messageId);
    expect(mail.text).toContain('督办〔2026〕17号');
    expect(mail.text).toContain('责任：牵头');
    expect(mail.text).toContain(`https://duban.example.gov.cn/tasks/${notice.taskId}`);
    expect(mail.html).toContain('推进工业园区&lt;提质&gt;增效');

    // The same compose again (a retried or duplicated job) writes and sends nothing new.
    await h.compose(departmentId, DAY);
    await queueIdle();
    expect(await deliveriesOf(departmentId)).toHaveLength(1);
    expect(h.sink.byMessageId(delivery.messageId)).toHaveLength(1);
  });

  it('delivers a DeliverMail job left on the mail queue from before deliveries had their own', async () => {
    const address = 'gxw@example.gov.cn';
    const departmentId = await seedDepartment(h.db.dataSource, {
      name: '市工信委',
      emails: [address],
    });
    // A blue notice: no copy to the office, whose address would take the mail.
    await seedFiredNotices(h.db.dataSource, [{ departmentId, kind: 'notice_blue', deadline: DAY }]);
    // The first attempt meets a busy server and leaves its retry to a DeliverMail job, held by
    // the paused delivery worker; that job is then moved to where it used to go.
    h.sink.refuse(address, 451, '4.3.2 Try again later');
    const deliveryWorker = app.get(MailDeliveryProcessor).worker;
    await deliveryWorker.pause();
    try {
      await h.compose(departmentId, DAY);
      const [pending] = await settled(departmentId, 'pending');
      expect(pending.attempts).toBe(1);
      const job = deliverMailJob(pending.id);
      const queued = await pollUntil(
        async () => (await h.deliveryQueue.getJob(job.opts.jobId ?? '')) ?? null,
        { what: 'the DeliverMail job queued' },
      );
      // The attempts the policy has left after the first: 3 − 1.
      expect(queued.opts.attempts).toBe(2);
      await h.deliveryQueue.remove(job.opts.jobId ?? '');
      h.sink.accept(address);
      await h.queue.add(job.name, job.data, job.opts);

      const [sent] = await settled(departmentId, 'sent');
      expect(sent.attempts).toBe(2);
      expect(h.sink.byMessageId(sent.messageId)).toHaveLength(1);
      expect(
        await h.deliveryQueue.getJobCounts('wait', 'delayed', 'active', 'prioritized'),
      ).toEqual({ wait: 0, delayed: 0, active: 0, prioritized: 0 });
    } finally {
      await deliveryWorker.resume();
    }
  });

  it('composes many departments at once, one mail each, and a department asked for twice once', async () => {
    const departments = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        seedDepartment(h.db.dataSource, { emails: [`batch${i}@dept.example.gov.cn`] }),
      ),
    );
    await seedFiredNotices(
      h.db.dataSource,
      departments.flatMap((departmentId) => [{ departmentId }, { departmentId, role: 'support' }]),
    );
    // Every compose job at once, and the first department asked again under the recovery's id.
    await h.queue.addBulk([
      ...departments.map((departmentId) => ({
        name: JobName.ComposeNotices,
        data: { departmentId, day: DAY },
        opts: { jobId: composeNoticesJobId(departmentId, DAY), removeOnComplete: true },
      })),
      {
        name: JobName.ComposeNotices,
        data: { departmentId: departments[0], day: DAY },
        opts: { jobId: `recover-compose-${departments[0]}-${DAY}`, removeOnComplete: true },
      },
    ]);
    await queueIdle();
    for (const departmentId of departments) {
      const [mail, ...more] = await settled(departmentId, 'sent');
      expect(more).toEqual([]);
      expect(mail.reminderIds).toHaveLength(2);
      expect(h.sink.counts().get(mail.messageId)).toBe(1);
    }
  });

  it('puts ten notices of one department and day in one digest with both sections', async () => {
    const departmentId = await seedDepartment(h.db.dataSource, {
      name: '市科技局',
      emails: ['kjj@example.gov.cn', 'kjj-office@example.gov.cn'],
    });
    const notices = await seedFiredNotices(
      h.db.dataSource,
      Array.from({ length: 10 }, (_, i) => ({
        departmentId,
        role: i < 6 ? ('lead' as const) : ('support' as const),
        kind: i % 2 ? ('pre_deadline' as const) : ('notice_blue' as const),
        deadline: i % 2 ? '2026-11-24' : '2026-11-19',
        noticeNumber: i % 2 ? null : `督办〔2026〕${100 + i}号`,
        title: `任务${i}`,
      })),
    );

    await h.compose(departmentId, DAY);
    const deliveries = await settled(departmentId, 'sent');

    expect(deliveries).toHaveLength(1);
    expect([...deliveries[0].reminderIds].sort()).toEqual(notices.map((n) => n.reminderId).sort());
    expect(deliveries[0].cc).toEqual([]); // blue notices are not copied to the office
    const received = h.sink.byMessageId(deliveries[0].messageId);
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0].raw);
    expect(mail.subject).toBe(
      '【督办汇总】市科技局 2026-11-19 督办事项共 10 项（牵头 6 项、配合 4 项，其中督办单 5 份）',
    );
    expect(addresses(mail.to).sort()).toEqual(['kjj-office@example.gov.cn', 'kjj@example.gov.cn']);
    const text = mail.text ?? '';
    const lead = text.slice(text.indexOf('一、牵头任务'), text.indexOf('二、配合任务'));
    const support = text.slice(text.indexOf('二、配合任务'));
    for (let i = 0; i < 10; i++) {
      expect(i < 6 ? lead : support).toContain(`任务${i}`);
    }
    expect(lead).toContain('（今日到期）');
    expect(support).toContain('剩余 3 个工作日');
    expect(mail.html).toContain('二、配合任务');
    expect(await reminderStates(notices.map((n) => n.reminderId))).toEqual(Array(10).fill('sent'));
  });

  it('cancels a reminder whose task was completed and mails the rest', async () => {
    const departmentId = await seedDepartment(h.db.dataSource, { emails: ['a@example.gov.cn'] });
    const [done, open] = await seedFiredNotices(h.db.dataSource, [
      { departmentId, taskStatus: 'completed', title: '已办结任务' },
      { departmentId, title: '未办结任务' },
    ]);

    await h.compose(departmentId, DAY);
    const [delivery] = await settled(departmentId, 'sent');

    expect(delivery.reminderIds).toEqual([open.reminderId]);
    expect(await reminderStates([done.reminderId])).toEqual(['cancelled']);
    const mail = await simpleParser(h.sink.byMessageId(delivery.messageId)[0].raw);
    expect(mail.subject).toContain('未办结任务');
    expect(mail.text).not.toContain('已办结任务');
  });

  it('fails the mail of a department without an address, with a reason the office can read', async () => {
    const departmentId = await seedDepartment(h.db.dataSource, {
      name: '某县人民政府',
      emails: [],
    });
    const [notice] = await seedFiredNotices(h.db.dataSource, [{ departmentId }]);

    await h.compose(departmentId, DAY);
    const [delivery] = await settled(departmentId, 'failed');

    expect(delivery.attempts).toBe(0);
    expect(delivery.lastError).toContain('某县人民政府');
    expect(delivery.lastError).toContain('没有登记邮箱地址');
    expect(await reminderStates([notice.reminderId])).toEqual(['failed']);
    const office = new MailDeliveriesService(h.db.dataSource, h.deliveryQueue);
    const listed = await office.list({ state: 'failed', departmentId });
    expect(listed.map((d) => d.id)).toEqual([delivery.id]);
    expect(listed[0].departmentName).toBe('某县人民政府');
  });

  it('fails a mail refused with 550 at once, keeps the reply, and resends it on request', async () => {
    const address = 'nobody@example.gov.cn';
    h.sink.refuse(address, 550, '5.1.1 Mailbox does not exist');
    const departmentId = await seedDepartment(h.db.dataSource, { emails: [address] });
    const [notice] = await seedFiredNotices(h.db.dataSource, [
      { departmentId, kind: 'notice_blue', deadline: DAY },
    ]);

    await h.compose(departmentId, DAY);
    const [delivery] = await settled(departmentId, 'failed');
    await queueIdle();

    expect(delivery.attempts).toBe(1);
    expect(delivery.lastError).toContain('550 5.1.1 Mailbox does not exist');
    expect(h.sink.rcptAttempts.get(address)).toBe(1);
    expect(h.sink.byMessageId(delivery.messageId)).toHaveLength(0);
    // The refusal ended the first attempt and the mail: no job was queued for another.
    expect(await h.deliveryQueue.getJob(`deliver-${delivery.id}`)).toBeUndefined();
    expect(await reminderStates([notice.reminderId])).toEqual(['failed']);

    // The office fixes the mailbox and resends: same Message-ID, delivered once.
    h.sink.accept(address);
    const office = new MailDeliveriesService(h.db.dataSource, h.deliveryQueue);
    await expect(office.resend(delivery.id)).resolves.toMatchObject({ state: 'pending' });
    const [resent] = await settled(departmentId, 'sent');
    expect(resent.attempts).toBe(2);
    expect(h.sink.byMessageId(delivery.messageId)).toHaveLength(1);
    expect(await reminderStates([notice.reminderId])).toEqual(['sent']);
    await expect(office.resend(delivery.id)).rejects.toThrow(/is sent; only a failed mail/);
  });
});
